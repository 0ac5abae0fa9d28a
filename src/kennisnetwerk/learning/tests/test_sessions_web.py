"""The session pages as members and organisers use them: the online link only for registered
people, registering and cancelling through the page, attendance with its Excel export, the
report with a lesson and an agreement, and guests through a signed link."""

import datetime as dt
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kennisnetwerk.learning import services_sessions as services
from kennisnetwerk.learning.constants import RegistrationStatus
from kennisnetwerk.learning.links import invitation_token
from kennisnetwerk.learning.models import Lesson, Registration, SessionAgreement, SessionReport

pytestmark = pytest.mark.django_db


def _start(session):
    """The session began an hour ago (registrations made before stay as they are)."""
    start = timezone.now().replace(microsecond=0) - dt.timedelta(hours=1)
    type(session).objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + dt.timedelta(hours=3)
    )
    session.refresh_from_db()


def test_members_see_the_session_outsiders_do_not(client, session, members, outsider):
    client.force_login(outsider)
    # Not revealed to those who may not see the programme.
    assert client.get(reverse("learning:session", args=[session.pk])).status_code == 404
    assert client.post(reverse("learning:register", args=[session.pk])).status_code == 404
    assert not Registration.objects.exists()


def test_the_online_link_is_shown_only_after_registering(client, session, members):
    client.force_login(members[0])
    url = reverse("learning:session", args=[session.pk])
    page = client.get(url).content.decode()
    assert "vergadering.example" not in page
    assert "Zichtbaar zodra u bent aangemeld." in page

    response = client.post(reverse("learning:register", args=[session.pk]), follow=True)
    page = response.content.decode()
    assert "U bent aangemeld. Een bevestiging met een agenda-afspraak is onderweg." in page
    assert "https://vergadering.example/cop-3" in page

    registration = Registration.objects.get()
    response = client.post(
        reverse("learning:registration_cancel", args=[registration.pk]), follow=True
    )
    assert "De aanmelding is ingetrokken." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_a_full_session_puts_the_member_on_the_waiting_list_with_a_clear_message(
    client, session, members
):
    for member in members[:2]:
        services.session_register(session=session, name=member.full_name, email=member.email)
    client.force_login(members[2])
    page = client.get(reverse("learning:session", args=[session.pk])).content.decode()
    assert "Op de wachtlijst" in page
    response = client.post(reverse("learning:register", args=[session.pk]), follow=True)
    assert "u staat op de wachtlijst (nummer 1)" in response.content.decode()


def test_registering_for_a_past_session_gives_a_dutch_message(client, session, members):
    start = timezone.now() - dt.timedelta(days=2)
    type(session).objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    client.force_login(members[0])
    response = client.post(reverse("learning:register", args=[session.pk]), follow=True)
    assert "Deze bijeenkomst heeft al plaatsgevonden" in response.content.decode()
    assert not Registration.objects.exists()


def test_attendance_and_its_excel_export(client, session, members, organiser):
    type(session).objects.filter(pk=session.pk).update(capacity=5)
    one = services.session_register(session=session, name="Eva =Formule", email="eva@oss.example")
    two = services.session_register(session=session, name="Tom", email="tom@oss.example")
    # A name that starts like a formula (escaped in the export, below).
    services.session_register(session=session, name="=HYPERLINK(1)", email="x@oss.example")
    _start(session)
    client.force_login(members[0])
    assert client.get(reverse("learning:attendance_xlsx", args=[session.pk])).status_code == 403

    client.force_login(organiser)
    response = client.post(
        reverse("learning:attendance", args=[session.pk]), {"present": [str(one.pk)]}
    )
    assert response.status_code == 302
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.attended, two.attended) == (True, False)

    response = client.get(reverse("learning:attendance_xlsx", args=[session.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows.index(next(r for r in rows if r and r[0] == "Naam"))
    body = rows[header + 1 :]
    assert body[0][0] == "Eva =Formule"
    assert [r[6] for r in body] == ["ja", "nee", "nee"]
    # A name that starts like a formula is escaped.
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("learning:attendance_xlsx", args=[session.pk])).content)
    ).active
    assert "'=HYPERLINK(1)" in [c.value for c in sheet["A"]]


def test_the_organiser_writes_the_report_with_a_lesson_and_an_agreement(
    client, session, organiser, organisation
):
    _start(session)
    client.force_login(organiser)
    url = reverse("learning:report_edit", args=[session.pk])
    assert client.get(url).status_code == 200
    data = {
        "minutes": "We bespraken hoe werkgevers samen zij-instromers opleiden.",
        "les-TOTAL_FORMS": "2",
        "les-INITIAL_FORMS": "0",
        "les-0-kind": "doen",
        "les-0-text": "Begin bij de vraag van de werkgever, niet bij het aanbod",
        "les-0-context": "Werkt in de maakindustrie; minder bij zzp'ers.",
        "afspraak-TOTAL_FORMS": "2",
        "afspraak-INITIAL_FORMS": "0",
        "afspraak-0-description": "Pilot zij-instroom met drie werkgevers opzetten",
        "afspraak-0-owner_organisation": str(organisation.pk),
        "afspraak-0-owner_name": "Anouk Kernteam",
        "afspraak-0-due_date": "2027-03-01",
        "afspraak-0-status": "open",
        "afspraak-1-status": "open",
    }
    # An agreement without a date is refused; nothing is saved.
    bad = {**data, "afspraak-0-due_date": ""}
    response = client.post(url, bad)
    assert response.status_code == 400
    assert "Vul in wanneer het uiterlijk klaar is." in response.content.decode()
    assert not Lesson.objects.exists() and not SessionAgreement.objects.exists()

    response = client.post(url, data)
    assert response.status_code == 302
    lesson = Lesson.objects.get()
    agreement = SessionAgreement.objects.get()
    assert lesson.kind == "doen" and lesson.context.startswith("Werkt in de maakindustrie")
    assert agreement.owner_organisation == organisation
    assert agreement.due_date == dt.date(2027, 3, 1)
    page = client.get(reverse("learning:session", args=[session.pk])).content.decode()
    assert "Pilot zij-instroom met drie werkgevers opzetten" in page
    assert "Begin bij de vraag van de werkgever" in page

    # Saving again keeps the agreement's identity (the DOE agenda refers to it).
    services.agreement_adopt(agreement=agreement, reference="actie-17", actor=organiser)
    edit = {
        **data,
        "les-INITIAL_FORMS": "1",
        "les-0-pk": str(lesson.pk),
        "afspraak-INITIAL_FORMS": "1",
        "afspraak-0-pk": str(agreement.pk),
        "afspraak-0-DELETE": "on",
    }
    response = client.post(url, edit)
    assert response.status_code == 400
    assert "kan niet worden verwijderd" in response.content.decode()
    assert SessionAgreement.objects.get().pk == agreement.pk


def test_a_guest_registers_through_the_signed_link_and_cancels_from_the_mail(
    client, session, organiser, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("learning:guest_invite", args=[session.pk]),
            {"name": "Gerda Gast", "email": "gerda@kennisinstelling.example"},
        )
    client.logout()
    invitation = smtp_server.wait_for(1)[0]
    text = invitation.get_body(("plain",)).get_content()
    link = re.search(r"http://\S+/leren/gast/(\S+)/", text)
    assert link, text
    token = link.group(1)

    # A tampered link changes nothing.
    response = client.get(reverse("learning:guest_register", args=[token[:-2] + "xx"]))
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()
    forged = invitation_token(session=session, email="ander@x.example", name="Ander")
    assert forged != token

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("learning:guest_register", args=[token]), {"organisation_name": "HAS"}
        )
    assert "U bent aangemeld." in response.content.decode()
    registration = Registration.objects.get(email="gerda@kennisinstelling.example")
    assert registration.is_guest and registration.name == "Gerda Gast"
    confirmation = smtp_server.wait_for(2)[1]
    cancel = re.search(
        r"http://\S+/leren/gast-afmelden/(\S+)/", confirmation.get_body(("plain",)).get_content()
    )
    assert cancel
    client.post(reverse("learning:guest_cancel", args=[cancel.group(1)]))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    # The old cancellation link no longer works after the cancellation.
    assert client.get(reverse("learning:guest_cancel", args=[cancel.group(1)])).status_code == 404


def test_attendance_and_the_report_wait_for_the_start_of_the_session(
    client, session, organiser, members
):
    one = services.session_register(session=session, name="Eva", email="eva@oss.example")
    refusal = "De bijeenkomst is nog niet begonnen."
    client.force_login(organiser)
    page = client.get(reverse("learning:session", args=[session.pk])).content.decode()
    assert reverse("learning:attendance", args=[session.pk]) not in page
    assert reverse("learning:report_edit", args=[session.pk]) not in page

    attendance = reverse("learning:attendance", args=[session.pk])
    page = client.get(attendance)
    assert refusal in page.content.decode()
    assert 'name="present"' not in page.content.decode()
    response = client.post(attendance, {"present": [str(one.pk)]})
    assert response.status_code == 400
    assert refusal in response.content.decode()
    one.refresh_from_db()
    assert one.attended is None

    report = reverse("learning:report_edit", args=[session.pk])
    page = client.get(report)
    assert refusal in page.content.decode()
    assert 'name="minutes"' not in page.content.decode()
    response = client.post(
        report,
        {
            "minutes": "Te vroeg.",
            "les-TOTAL_FORMS": "0",
            "les-INITIAL_FORMS": "0",
            "afspraak-TOTAL_FORMS": "0",
            "afspraak-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 400
    assert refusal in response.content.decode()
    assert not SessionReport.objects.filter(session=session).exists()

    # The services refuse as well, with the same Dutch message.
    with pytest.raises(ValidationError, match=refusal):
        services.attendance_record(session=session, present_ids={one.pk}, actor=organiser)
    with pytest.raises(ValidationError, match=refusal):
        services.report_save(
            session=session, data=services.ReportData(minutes="Te vroeg."), actor=organiser
        )
    assert not SessionReport.objects.filter(session=session).exists()

    _start(session)
    page = client.get(reverse("learning:session", args=[session.pk])).content.decode()
    assert attendance in page and report in page
    assert client.post(attendance, {"present": [str(one.pk)]}).status_code == 302
    one.refresh_from_db()
    assert one.attended is True
