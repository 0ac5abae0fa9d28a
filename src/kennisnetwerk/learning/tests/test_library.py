"""The practice library: adding an example with attachments (type read from the content,
size limit, nothing stored on a refusal), finding it with the Dutch search, and downloading
the attachment; lessons found through search by members of other programmes; the member
directory shows what each person chose."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisnetwerk.accounts.tests.factories import make_member
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.learning import services_sessions
from kennisnetwerk.learning.models import PracticeAttachment, PracticeExample

from .factories import ProgrammeFactory, SessionFactory, add_member

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def _form(region, organisation, **extra):
    return {
        "title": "Familiebedrijven: opvolging bespreekbaar maken",
        "organisation": organisation.pk,
        "region": region.pk,
        "themes": [Theme.objects.get(slug="bedrijfsopvolging").pk],
        "summary": "Keukentafelgesprekken met ondernemers van 55 jaar en ouder.",
        "approach": "Accountants en de KVK nodigen samen uit voor een gesprek aan de keukentafel.",
        "results": "Veertig gesprekken, twaalf opvolgingsplannen.",
        "dos": "Laat een vertrouwde adviseur uitnodigen.",
        "donts": "Begin niet met de waarde van het bedrijf.",
        "contact_name": "Marloes Jansen",
        "contact_email": "marloes@oss.example",
        "is_published": "on",
        **extra,
    }


def test_a_practice_example_with_attachments_is_stored_found_and_downloaded(
    client, members, region, organisation, django_capture_on_commit_callbacks
):
    client.force_login(members[0])
    files = [
        SimpleUploadedFile("aanpak.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("draaiboek.docx", _docx(), content_type="application/octet-stream"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("learning:practice_create"), _form(region, organisation, attachments=files)
        )
    assert response.status_code == 302
    example = PracticeExample.objects.get()
    kinds = sorted(a.content_type for a in example.attachments.all())
    assert kinds == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]

    client.logout()
    # The Dutch search finds it by a stemmed word of the approach ("keukentafels").
    response = client.get(reverse("learning:practice_list"), {"q": "keukentafels"})
    assert example.title in response.content.decode()
    response = client.get(reverse("learning:practice_list"), {"q": "zonnepanelen"})
    assert example.title not in response.content.decode()
    # With htmx only the results are swapped in, from the same template.
    fragment = client.get(
        reverse("learning:practice_list"), {"q": "keukentafels"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert example.title in fragment and "<html" not in fragment

    attachment = example.attachments.get(filename="aanpak.pdf")
    response = client.get(reverse("learning:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="aanpak.pdf"' in response["Content-Disposition"]


def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_stored(
    client, members, region, organisation, settings
):
    client.force_login(members[0])
    disguised = SimpleUploadedFile(
        "rapport.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client.post(
        reverse("learning:practice_create"), _form(region, organisation, attachments=[disguised])
    )
    assert response.status_code == 400
    assert "rapport.pdf is geen bestandstype dat wij accepteren" in response.content.decode()
    assert not PracticeExample.objects.exists()
    assert not PracticeAttachment.objects.exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(media.rglob("*.*"))

    settings.PRACTICE_ATTACHMENT_MAX_BYTES = 10
    big = SimpleUploadedFile("groot.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("learning:practice_create"), _form(region, organisation, attachments=[big])
    )
    assert "groot.pdf is te groot" in response.content.decode()
    assert not PracticeExample.objects.exists()


def test_unpublished_examples_stay_hidden_from_visitors(client, members, region, organisation):
    client.force_login(members[0])
    client.post(reverse("learning:practice_create"), _form(region, organisation, is_published=""))
    example = PracticeExample.objects.get()
    assert client.get(reverse("learning:practice", args=[example.slug])).status_code == 200
    client.logout()
    assert client.get(reverse("learning:practice", args=[example.slug])).status_code == 404


def test_lessons_are_found_by_members_of_other_programmes(
    client, session, organiser, outsider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services_sessions.report_save(
            session=session,
            data=services_sessions.ReportData(
                minutes="Verslag.",
                lessons=[
                    services_sessions.LessonData(
                        kind="niet-doen",
                        text="Nodig ondernemers niet uit met een brief van de gemeente",
                        context="Persoonlijk uitnodigen via een collega-ondernemer werkt beter.",
                    )
                ],
            ),
            now=session.ends_at,
            actor=organiser,
        )
    client.get(reverse("learning:lessons"))  # warms nothing; the page needs a login
    client.force_login(outsider)
    response = client.get(reverse("learning:lessons"), {"q": "uitnodiging ondernemers"})
    assert "Nodig ondernemers niet uit met een brief van de gemeente" in response.content.decode()
    response = client.get(reverse("learning:lessons"), {"q": "subsidie"})
    assert "Nodig ondernemers niet uit" not in response.content.decode()


def test_visitors_do_not_see_lessons_or_learning_questions(client):
    for name in ("lessons", "questions", "suggestions"):
        response = client.get(reverse(f"learning:{name}"))
        assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_the_directory_shows_only_what_each_member_chose(client, programme, organisation, outsider):
    open_member = make_member(organisation, email="open@oss.example", full_name="Open Olga")
    private = make_member(organisation, email="prive@oss.example", full_name="Prive Piet")
    hidden = make_member(organisation, email="weg@oss.example", full_name="Verborgen Vera")
    add_member(programme, open_member)
    add_member(programme, private)
    add_member(programme, hidden)
    client.force_login(open_member)
    client.post(
        reverse("learning:visibility", args=[programme.slug]),
        {
            "listed": "on",
            "show_email": "on",
            "show_organisation": "on",
            "job_title": "Accountmanager",
        },
    )
    client.force_login(hidden)
    client.post(reverse("learning:visibility", args=[programme.slug]), {})
    client.force_login(private)
    page = client.get(reverse("learning:directory", args=[programme.slug])).content.decode()
    assert "open@oss.example" in page and "Accountmanager" in page
    assert "Prive Piet" in page and "prive@oss.example" not in page
    assert "Verborgen Vera" not in page
    client.force_login(outsider)
    # A programme one may not see is not revealed.
    assert client.get(reverse("learning:directory", args=[programme.slug])).status_code == 404


def test_a_member_of_one_programme_cannot_open_another(client, members):
    other = ProgrammeFactory(title="Intervisie MKB-Deals", slug="intervisie-deals")
    SessionFactory(programme=other)
    client.force_login(members[0])
    assert client.get(reverse("learning:programme", args=[other.slug])).status_code == 404


def test_a_regional_coordinator_edits_a_practice_example_of_their_region(
    client, region, organisation
):
    from kennisnetwerk.accounts.tests.factories import make_coordinator

    from .factories import PracticeExampleFactory

    example = PracticeExampleFactory(organisation=organisation, region=region, is_published=True)
    coordinator = make_coordinator(region, email="coordinator@oss.example")
    client.force_login(coordinator)
    url = reverse("learning:practice_edit", args=[example.slug])
    page = client.get(url)
    assert page.status_code == 200
    choices = [str(label) for _pk, label in page.context["form"].fields["organisation"].choices]
    assert "Gemeente Oss (fictief)" in choices
    response = client.post(
        url, _form(region, organisation, title="Keukentafelgesprekken over opvolging")
    )
    assert response.status_code == 302
    example.refresh_from_db()
    assert example.title == "Keukentafelgesprekken over opvolging"
