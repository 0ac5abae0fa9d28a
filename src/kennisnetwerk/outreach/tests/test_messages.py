"""Messages of the parties: who may submit them, bad input, the coordinator's editorial queue
(approve, schedule, reject, merge, cancel) and near-duplicates announced by two senders."""

import datetime as dt

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.outreach.constants import MessageStatus
from kennisnetwerk.outreach.duplicates import message_duplicates
from kennisnetwerk.outreach.models import Message
from kennisnetwerk.outreach.services_messages import message_update

from .message_factories import approved, at, event_data, make_world, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def _dutch(msgid: str) -> str:
    """The text as the page shows it (translated, escaped), whatever the catalogue holds."""
    with translation.override("nl"):
        return escape(gettext(msgid))


def _form(world, **overrides):
    data = {
        "sender": str(world.oss.pk),
        "kind": "evenement",
        "title": "Ondernemerscafé Oss",
        "body": "Ontmoet andere ondernemers.\n\nMet een korte pitch van de gemeente.",
        "link": "ondernemersloket.example/cafe",
        "themes": [str(Theme.objects.get(slug="digitalisering").pk)],
        "municipalities": "Oss",
        "valid_from": timezone.localdate().isoformat(),
        "valid_until": "",
        "event_start": at(7, 19).strftime("%Y-%m-%dT%H:%M"),
        "event_end": at(7, 21).strftime("%Y-%m-%dT%H:%M"),
        "location": "Stadhuis Oss",
    }
    data.update(overrides)
    return data


def _url(world):
    return f"/nieuwsbrief/{world.region.slug}/berichten/nieuw/"


def test_member_of_a_party_in_the_region_submits_a_message(client, world):
    client.force_login(world.member)
    assert client.get(_url(world)).status_code == 200
    response = client.post(_url(world), _form(world))
    assert response.status_code == 302, response.content.decode()[:3000]
    message = Message.objects.get()
    assert response["Location"] == f"/nieuwsbrief/berichten/{message.pk}/"
    assert message.status == MessageStatus.SUBMITTED
    assert message.sender == world.oss and message.submitted_by == world.member
    assert message.link == "https://ondernemersloket.example/cafe"
    assert [m.name for m in message.municipalities.all()] == ["Oss"]
    # An event without 'show until' is shown until the day it ends.
    assert message.valid_until == timezone.localdate() + dt.timedelta(days=7)
    assert timezone.localtime(message.event_start).hour == 19
    entry = AuditLogEntry.objects.get(object_id=str(message.pk))
    assert entry.actor == world.member and entry.action == "create"
    page = client.get(response["Location"]).content.decode()
    assert "Ondernemerscafé Oss" in page and "Gemeente Oss (fictief)" in page


def test_who_may_submit(client, world):
    url = _url(world)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/account/login/" in anonymous["Location"]

    client.force_login(world.outsider)  # works for a party located elsewhere
    assert client.get(url).status_code == 403
    assert client.post(url, _form(world, sender=str(world.leiden.pk))).status_code == 403

    client.force_login(world.other_coordinator)
    assert client.get(url).status_code == 403

    client.force_login(world.coordinator)  # may pass on the announcement of any local party
    assert client.get(url).status_code == 200
    assert client.post(url, _form(world, sender=str(world.kvk.pk))).status_code == 302

    client.force_login(world.member)  # not on behalf of another party
    response = client.post(url, _form(world, sender=str(world.kvk.pk)))
    assert response.status_code == 200 and "sender" in response.context["form"].errors
    assert Message.objects.count() == 1
    assert client.get("/nieuwsbrief/onbekende-regio/berichten/nieuw/").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field", "msgid"),
    [
        (
            {"kind": "nieuws", "valid_until": "2020-01-31", "valid_from": "2020-01-01"},
            "valid_until",
            "'Show until' lies in the past; choose today or a later date.",
        ),
        (
            {
                "kind": "nieuws",
                "valid_from": (timezone.localdate() + dt.timedelta(days=9)).isoformat(),
                "valid_until": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
            },
            "valid_until",
            "'Show until' must not be before 'show from'.",
        ),
        (
            {"event_start": ""},
            "event_start",
            "An event invitation needs a start date and time.",
        ),
        (
            {"event_end": at(6, 9).strftime("%Y-%m-%dT%H:%M")},
            "event_end",
            "The event must not end before it starts.",
        ),
        (
            {"location": ""},
            "location",
            "An event invitation needs a place (an address, or 'online').",
        ),
        (
            {"municipalities": "Leiden"},
            "municipalities",
            "Not part of %(region)s: %(names)s.",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message_and_saves_nothing(
    client, world, overrides, field, msgid
):
    client.force_login(world.member)
    response = client.post(_url(world), _form(world, **overrides))
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    expected = _dutch(msgid)
    if "%(region)s" in msgid:
        expected = expected.replace("%(region)s", "Noordoost-Brabant").replace(
            "%(names)s", "Leiden"
        )
    page = response.content.decode()
    assert expected in page
    # The error is linked to its field for screen readers.
    assert f'id="id_{field}_error"' in page
    assert not Message.objects.exists()


def test_a_text_of_20000_characters_is_refused(client, world):
    client.force_login(world.member)
    response = client.post(_url(world), _form(world, body="x" * 20_000))
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not Message.objects.exists()
    # The service refuses it too (the API and imports do not pass through the form).
    with pytest.raises(Exception) as error:
        submitted(world, body="y" * 5001)
    assert "body" in error.value.message_dict


def test_html_is_stored_as_text_and_shown_escaped(client, world):
    client.force_login(world.member)
    body = '<script>alert("x")</script>\n\n<b>Vet</b> & <a href="javascript:x">klik</a>'
    client.post(_url(world), _form(world, body=body, title="<i>Cursief</i> café"))
    message = Message.objects.get()
    assert message.body == body and message.title == "<i>Cursief</i> café"
    page = client.get(f"/nieuwsbrief/berichten/{message.pk}/").content.decode()
    assert "<script>alert" not in page and "<b>Vet</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;i&gt;Cursief&lt;/i&gt; café" in page
    assert 'href="javascript' not in page


def test_editorial_queue_is_for_the_region_coordinator(client, world):
    message = submitted(world)
    queue = f"/nieuwsbrief/{world.region.slug}/redactie/"
    review = f"/nieuwsbrief/redactie/{message.pk}/"
    assert "/account/login/" in client.get(queue)["Location"]
    for person in (world.other_coordinator, world.member, world.outsider):
        client.force_login(person)
        assert client.get(queue).status_code == 403
        assert client.get(review).status_code == 403
        assert client.post(review, {"action": "approve"}).status_code == 403
    message.refresh_from_db()
    assert message.status == MessageStatus.SUBMITTED

    client.force_login(world.coordinator)
    page = client.get(queue)
    assert page.status_code == 200 and message.title in page.content.decode()
    assert client.get(review).status_code == 200


def test_coordinator_approves_with_a_schedule(client, world):
    message = submitted(world)
    client.force_login(world.coordinator)
    review = f"/nieuwsbrief/redactie/{message.pk}/"
    too_late = (message.valid_until + dt.timedelta(days=1)).isoformat()
    refused = client.post(review, {"action": "approve", "approve-publish_from": too_late})
    assert refused.status_code == 400
    assert "publish_from" in refused.context["forms"]["approve"].errors
    message.refresh_from_db()
    assert message.status == MessageStatus.SUBMITTED

    send_from = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    response = client.post(review, {"action": "approve", "approve-publish_from": send_from})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.APPROVED
    assert message.reviewed_by == world.coordinator and message.reviewed_at is not None
    assert message.publish_from.isoformat() == send_from
    # Scheduled: not yet public.
    client.logout()
    assert client.get(f"/nieuwsbrief/berichten/{message.pk}/").status_code == 404

    client.force_login(world.coordinator)
    client.post(review, {"action": "schedule", "schedule-publish_from": ""})
    message.refresh_from_db()
    assert message.publish_from is None
    client.logout()
    assert client.get(f"/nieuwsbrief/berichten/{message.pk}/").status_code == 200
    assert AuditLogEntry.objects.filter(object_id=str(message.pk), message="scheduled").exists()


def test_rejection_needs_a_reason_that_the_submitter_sees(client, world):
    message = submitted(world)
    client.force_login(world.coordinator)
    review = f"/nieuwsbrief/redactie/{message.pk}/"
    response = client.post(review, {"action": "reject", "reject-reason": "  "})
    assert response.status_code == 400
    assert "reason" in response.context["forms"]["reject"].errors
    message.refresh_from_db()
    assert message.status == MessageStatus.SUBMITTED

    reason = "Dit is een commerciële aanbieding; die nemen we niet op."
    assert client.post(review, {"action": "reject", "reject-reason": reason}).status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.REJECTED and message.rejection_reason == reason

    client.force_login(world.member)
    page = client.get("/nieuwsbrief/berichten/mijn/").content.decode()
    assert message.title in page and escape(reason) in page
    assert escape(_status("Rejected")) in page
    # Rejected is final: neither the sender nor the editor edits it any more.
    assert client.get(f"/nieuwsbrief/berichten/{message.pk}/bewerken/").status_code == 403


def _status(msgid: str) -> str:
    with translation.override("nl"):
        return gettext(msgid)


def test_sender_edits_until_approval_editor_after_and_the_sequence_rises(client, world):
    message = submitted(world)
    edit = f"/nieuwsbrief/berichten/{message.pk}/bewerken/"
    client.force_login(world.member)
    form = _form(world, title="Ondernemerscafé Oss (nieuwe datum)")
    form.pop("sender")
    assert client.post(edit, form).status_code == 302
    message.refresh_from_db()
    assert message.title.endswith("(nieuwe datum)") and message.sequence == 0

    client.force_login(world.coordinator)
    client.post(f"/nieuwsbrief/redactie/{message.pk}/", {"action": "approve"})
    client.force_login(world.member)
    assert client.get(edit).status_code == 403
    client.force_login(world.coordinator)
    form["location"] = "Theater De Lievekamp, Oss"
    assert client.post(edit, form).status_code == 302
    message.refresh_from_db()
    assert message.location == "Theater De Lievekamp, Oss" and message.sequence == 1
    entry = AuditLogEntry.objects.filter(object_id=str(message.pk), action="update").latest("pk")
    assert entry.changes["location"] == ["Stadhuis Oss", "Theater De Lievekamp, Oss"]
    # Saving without a change raises nothing.
    assert client.post(edit, form).status_code == 302
    message.refresh_from_db()
    assert message.sequence == 1


def test_cancelling_an_approved_event(client, world):
    message = approved(world)
    cancel = f"/nieuwsbrief/berichten/{message.pk}/annuleren/"
    client.force_login(world.outsider)
    assert client.post(cancel).status_code == 403
    client.force_login(world.member)  # the sender cancels its own event
    assert client.get(cancel).status_code == 200
    assert client.post(cancel).status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.CANCELLED
    assert message.cancelled_at is not None and message.sequence == 1
    client.logout()
    page = client.get(f"/nieuwsbrief/berichten/{message.pk}/")
    assert page.status_code == 200  # still public, marked cancelled
    assert escape(_status("Cancelled: this does not take place.")) in page.content.decode()


def test_near_duplicate_by_another_sender_is_shown_and_merged(client, world):
    first = approved(world)
    client.force_login(world.kvk_member)
    response = client.post(
        _url(world),
        _form(
            world,
            sender=str(world.kvk.pk),
            title="Webinar: digitaliseren in het mkb",
            body="Webinar voor ondernemers over boekhoudsoftware, e-facturen en online "
            "bankieren. Digitaliseer uw administratie!",
            event_start=first.event_start.astimezone(timezone.get_current_timezone()).strftime(
                "%Y-%m-%dT%H:%M"
            ),
            event_end=first.event_end.astimezone(timezone.get_current_timezone()).strftime(
                "%Y-%m-%dT%H:%M"
            ),
            location="Online",
            municipalities="",
        ),
        follow=True,
    )
    second = Message.objects.exclude(pk=first.pk).get()
    page = response.content.decode()
    assert escape(_status("Possibly the same announcement")) in page
    assert first.title in page  # shown to the submitter, for information only
    [duplicate] = message_duplicates(second)
    assert duplicate.message == first and duplicate.same_day

    client.force_login(world.coordinator)
    queue = client.get(f"/nieuwsbrief/{world.region.slug}/redactie/").content.decode()
    assert escape(_status("possible duplicate")) in queue

    review = f"/nieuwsbrief/redactie/{second.pk}/"
    assert client.post(review, {"action": "merge", "merge-into": str(first.pk)}).status_code == 302
    second.refresh_from_db()
    first.refresh_from_db()
    assert second.status == MessageStatus.MERGED and second.merged_into == first
    assert list(first.co_senders.all()) == [world.kvk]
    assert first.sequence == 1  # calendar programs learn the new organiser
    assert AuditLogEntry.objects.filter(object_id=str(second.pk), message="merged").exists()
    assert AuditLogEntry.objects.filter(object_id=str(first.pk), message="merged into").exists()

    client.logout()
    page = client.get(f"/nieuwsbrief/berichten/{first.pk}/").content.decode()
    assert "Gemeente Oss (fictief)" in page and "KVK Noordoost (fictief)" in page
    # The merged announcement leads to the one that names all senders.
    assert client.get(f"/nieuwsbrief/berichten/{second.pk}/")["Location"].endswith(
        f"/berichten/{first.pk}/"
    )
    # The KVK member sees the merge on their messages page.
    client.force_login(world.kvk_member)
    mine = client.get("/nieuwsbrief/berichten/mijn/").content.decode()
    assert escape(_status("Merged into another message")) in mine


def test_unrelated_messages_and_events_on_other_days_are_not_duplicates(world):
    first = submitted(world)
    other_day = submitted(world, sender=world.kvk, event_start=at(17), event_end=at(17, 16))
    other_theme = submitted(
        world,
        sender=world.kvk,
        themes=[Theme.objects.get(slug="internationalisering")],
    )
    unrelated = submitted(
        world,
        sender=world.kvk,
        title="Netwerkborrel bouw en techniek",
        body="Ontmoet aannemers en installateurs bij de jaarlijkse borrel.",
    )
    found = {d.message for d in message_duplicates(first)}
    assert other_day not in found and other_theme not in found and unrelated not in found


def test_merge_refuses_itself_and_other_regions(world):
    from django.core.exceptions import ValidationError

    from kennisnetwerk.outreach.services_messages import message_merge

    message = submitted(world)
    with pytest.raises(ValidationError):
        message_merge(message=message, into=message, actor=world.coordinator)
    elsewhere = Message.objects.create(
        region=world.other,
        sender=world.leiden,
        kind="nieuws",
        title="Elders",
        body="Tekst",
        valid_from=timezone.localdate(),
        valid_until=timezone.localdate(),
    )
    with pytest.raises(ValidationError):
        message_merge(message=message, into=elsewhere, actor=world.coordinator)
    message.refresh_from_db()
    assert message.status == MessageStatus.SUBMITTED


def test_update_of_a_closed_message_is_refused(world):
    from django.core.exceptions import ValidationError

    message = submitted(world)
    Message.objects.filter(pk=message.pk).update(status=MessageStatus.REJECTED)
    message.refresh_from_db()
    with pytest.raises(ValidationError):
        message_update(message=message, data=event_data(title="Nieuw"), actor=world.coordinator)


def test_editorial_queue_needs_few_queries(client, world, django_assert_max_num_queries):
    for n in range(8):
        submitted(world, sender=world.kvk if n % 2 else world.oss, title=f"Bijeenkomst {n}")
    approved(world, title="Al goedgekeurd")
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(25):
        response = client.get(f"/nieuwsbrief/{world.region.slug}/redactie/")
    assert response.status_code == 200


def test_the_regions_coordinators_hear_of_a_submission_by_mail(
    world, smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://kennisnetwerk.example"
    from .message_factories import submitted

    first = submitted(world, title="Webinar digitale veiligheid voor ondernemers")
    with django_capture_on_commit_callbacks(execute=True):
        second = submitted(world, sender=world.kvk, title="Webinar digitale veiligheid ondernemers")
    [mail] = smtp_server.wait_for(1)
    assert mail["To"] == world.coordinator.email
    assert "Webinar digitale veiligheid ondernemers" in mail["Subject"]
    text = mail.get_body(("plain",)).get_content()
    assert f"https://kennisnetwerk.example/nieuwsbrief/redactie/{second.pk}/" in text
    assert first.title in text  # the near-duplicate already in the queue is named
    assert mail.get_body(("html",)) is not None
    # The coordinator of another region hears nothing.
    assert all(m["To"] != world.other_coordinator.email for m in smtp_server.messages)


def test_the_dashboard_shows_coordinators_how_many_messages_wait(client, world):
    from .message_factories import approved, submitted

    submitted(world, title="Eerste")
    submitted(world, title="Tweede")
    approved(world, title="Al goedgekeurd")
    client.force_login(world.coordinator)
    page = client.get("/dashboard/").content.decode()
    assert "Noordoost-Brabant</a>: 2 berichten wachten" in page
    assert f'href="/nieuwsbrief/{world.region.slug}/redactie/"' in page
    client.force_login(world.member)
    assert "berichten wachten" not in client.get("/dashboard/").content.decode()
