"""A session's report takes a recording link and slides: the slides go through the
platform's upload rules (type by content, size limit), are shown on the session page and
downloaded by whoever may see the session; links must be https."""

import datetime as dt
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.learning import services_sessions as services
from kennisnetwerk.learning.models import SessionReport

from .factories import add_member

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
REPORT = {
    "minutes": "De gast-expert liet zien hoe werkgevers zij-instromers opleiden.",
    "les-TOTAL_FORMS": "0",
    "les-INITIAL_FORMS": "0",
    "afspraak-TOTAL_FORMS": "0",
    "afspraak-INITIAL_FORMS": "0",
}


def _held(session):
    """A report is written once the session has begun."""
    session.starts_at = timezone.now() - dt.timedelta(days=2)
    session.ends_at = session.starts_at + dt.timedelta(hours=2)
    session.save()
    return session


def _slides(name="dia-s webinar.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_the_report_takes_a_recording_link_and_slides_shown_on_the_session_page(
    client, session, organiser, members
):
    _held(session)
    client.force_login(organiser)
    url = reverse("learning:report_edit", args=[session.pk])
    response = client.post(
        url,
        {**REPORT, "recording_url": "https://video.example/opname-42", "slides": _slides()},
    )
    assert response.status_code == 302
    report = SessionReport.objects.get()
    assert report.recording_url == "https://video.example/opname-42"
    assert report.slides_filename == "dia-s webinar.pdf"
    assert report.slides_content_type == "application/pdf" and report.slides_size == len(PDF)
    assert report.slides.name.startswith("learning/slides/")
    entry = AuditLogEntry.objects.filter(object_id=str(report.pk)).latest("pk")
    assert entry.changes["slides"] == [None, "dia-s webinar.pdf"]

    client.force_login(members[0])
    page = client.get(reverse("learning:session", args=[session.pk])).content.decode()
    assert 'href="https://video.example/opname-42" target="_blank"' in page
    slides_url = reverse("learning:report_slides", args=[session.pk])
    assert slides_url in page and "dia-s webinar.pdf" in page
    download = client.get(slides_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="dia-s webinar.pdf"' in download["Content-Disposition"]


def test_slides_of_a_type_not_allowed_and_http_links_are_refused(client, session, organiser):
    _held(session)
    client.force_login(organiser)
    url = reverse("learning:report_edit", args=[session.pk])
    response = client.post(
        url,
        {
            **REPORT,
            "recording_url": "http://video.example/opname",
            "slides": SimpleUploadedFile("dia-s.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Gebruik een beveiligde link die begint met https://." in html
    assert "dia-s.pdf is geen bestandstype dat wij accepteren" in html
    assert not SessionReport.objects.exists()


def test_replacing_and_removing_the_slides(
    client, session, organiser, django_capture_on_commit_callbacks
):
    _held(session)
    client.force_login(organiser)
    url = reverse("learning:report_edit", args=[session.pk])
    client.post(url, {**REPORT, "slides": _slides("oud.pdf")})
    first = SessionReport.objects.get().slides
    first_path = first.path
    with open(first_path, "rb") as handle:
        assert handle.read() == PDF
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**REPORT, "slides": _slides("nieuw.pdf")})
    report = SessionReport.objects.get()
    assert report.slides_filename == "nieuw.pdf"
    assert not os.path.exists(first_path)  # the old file went on commit
    client.post(url, {**REPORT, "remove_slides": "on"})
    report.refresh_from_db()
    assert not report.slides and report.slides_filename == ""
    assert client.get(reverse("learning:report_slides", args=[session.pk])).status_code == 404


def test_the_slides_are_for_whoever_may_see_the_session(
    client, session, organiser, outsider, programme
):
    _held(session)
    services.report_save(
        session=session,
        data=services.ReportData(minutes="Verslag", slides=_slides()),
        actor=organiser,
    )
    slides_url = reverse("learning:report_slides", args=[session.pk])
    client.force_login(outsider)
    assert client.get(slides_url).status_code == 404  # a session the outsider may not see
    add_member(programme, outsider)
    assert client.get(slides_url).status_code == 200


def test_an_online_link_must_be_https(client, session, organiser):
    data = services.SessionData(
        title=session.title,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        capacity=10,
        online_url="http://vergaderen.example/cop",
    )
    with pytest.raises(services.ValidationError) as error:
        services.session_update(session=session, data=data, actor=organiser)
    assert error.value.message_dict["online_url"] == [
        "Gebruik een beveiligde link die begint met https://."
    ]
