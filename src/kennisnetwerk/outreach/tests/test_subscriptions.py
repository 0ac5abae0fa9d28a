"""Subscribing with double opt-in, the preference centre and unsubscribing, through the web
pages and a real SMTP server on loopback."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.utils import timezone

from kennisnetwerk.accounts.tests.factories import RegionFactory
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.outreach.constants import ConsentEvent, SubscriberStatus
from kennisnetwerk.outreach.links import Purpose, subscriber_token
from kennisnetwerk.outreach.models import Consent, Subscriber, Suppression
from kennisnetwerk.outreach.services import email_hash

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    return RegionFactory(
        name="Noordoost-Brabant", slug="nob-digest", municipalities=["Oss", "Maashorst", "Bernheze"]
    )


def _form(**overrides):
    data = {
        "email": "Info@Bakkerij-Dewit.example",
        "company_name": "Bakkerij De Wit",
        "kvk_number": "1234 5678",
        "municipality": "Uden",
        "postcode": "5401ab",
        "sbi_section": "",
        "size_class": "micro",
        "themes": [],
        "frequency": "tweewekelijks",
        "consent": "on",
    }
    data.update(overrides)
    return data


def _link(mail, path: str) -> str:
    text = mail.get_body(preferencelist=("plain",)).get_content()
    match = re.search(rf"https?://[^\s]+/nieuwsbrief/{path}/[^\s]+/", text)
    assert match, text
    return urlsplit(match.group(0)).path


def _subscribe(client, region, smtp_server, capture, **overrides):
    with capture(execute=True):
        response = client.post(f"/nieuwsbrief/{region.slug}/aanmelden/", _form(**overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_double_opt_in_through_the_mail(
    client, region, smtp_server, django_capture_on_commit_callbacks
):
    _subscribe(client, region, smtp_server, django_capture_on_commit_callbacks)
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "info@bakkerij-dewit.example"
    assert subscriber.status == SubscriberStatus.PENDING
    assert subscriber.municipality.name == "Maashorst"  # Uden is now Maashorst
    assert subscriber.kvk_number == "12345678"
    assert subscriber.postcode == "5401 AB"

    [mail] = smtp_server.wait_for(1)
    assert mail["To"] == "info@bakkerij-dewit.example"
    assert "Noordoost-Brabant" in mail["From"]
    assert mail.get_body(preferencelist=("plain",)) is not None
    assert mail.get_body(preferencelist=("html",)) is not None
    confirm_path = _link(mail, "bevestigen")

    page = client.get(confirm_path)  # a link checker opening the link confirms nothing
    assert page.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING

    response = client.post(confirm_path)
    assert response.status_code == 302 and "/nieuwsbrief/voorkeuren/" in response["Location"]
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert subscriber.confirmed_at is not None
    events = list(subscriber.consents.values_list("event", flat=True))
    assert events == [ConsentEvent.REQUESTED, ConsentEvent.CONFIRMED]
    requested = subscriber.consents.first()
    assert "ik wil" in requested.text.lower() or "I want" in requested.text


def test_bad_input_gets_dutch_messages_and_saves_nothing(client, region, smtp_server):
    response = client.post(
        f"/nieuwsbrief/{region.slug}/aanmelden/",
        _form(email="geen-adres", kvk_number="12AB5678", municipality="Leiden", consent=""),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in page
    assert "Een KVK-nummer bestaat alleen uit cijfers" in page
    assert "Leiden hoort niet bij Noordoost-Brabant" in page
    assert "Vink het vakje aan" in page
    short = client.post(f"/nieuwsbrief/{region.slug}/aanmelden/", _form(kvk_number="1234567"))
    assert "Een KVK-nummer heeft 8 cijfers; u vulde er 7 in." in short.content.decode()
    assert not Subscriber.objects.exists()
    assert not Consent.objects.exists()
    assert smtp_server.messages == []


def test_expired_and_tampered_links_change_nothing(
    client, region, smtp_server, django_capture_on_commit_callbacks
):
    _subscribe(client, region, smtp_server, django_capture_on_commit_callbacks)
    subscriber = Subscriber.objects.get()
    token = subscriber_token(subscriber, Purpose.CONFIRM)

    tampered = client.post(f"/nieuwsbrief/bevestigen/{token[:-2]}xx/")
    assert tampered.status_code == 400
    assert "Deze link werkt niet" in tampered.content.decode()

    # The link of another purpose does not confirm either.
    other = subscriber_token(subscriber, Purpose.UNSUBSCRIBE)
    assert client.post(f"/nieuwsbrief/bevestigen/{other}/").status_code == 400

    later = timezone.now() + dt.timedelta(days=8)
    signer = signing.TimestampSigner(salt="kennisnetwerk.outreach.confirm")
    old = signer.sign_object([subscriber.pk, subscriber.link_version], compress=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: later.timestamp())
        expired = client.post(f"/nieuwsbrief/bevestigen/{old}/")
    assert expired.status_code == 400
    assert "Deze link is verlopen" in expired.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING

    subscriber.link_version += 1
    subscriber.save()
    assert client.post(f"/nieuwsbrief/bevestigen/{token}/").status_code == 400


def test_signing_up_again_reveals_nothing_and_does_not_flood(
    client, region, smtp_server, django_capture_on_commit_callbacks
):
    _subscribe(client, region, smtp_server, django_capture_on_commit_callbacks)
    _subscribe(client, region, smtp_server, django_capture_on_commit_callbacks)
    smtp_server.wait_for(2, timeout=0.5)
    assert len(smtp_server.messages) == 1  # no second confirmation within minutes
    subscriber = Subscriber.objects.get()
    client.post(f"/nieuwsbrief/bevestigen/{subscriber_token(subscriber, Purpose.CONFIRM)}/")
    response = _subscribe(client, region, smtp_server, django_capture_on_commit_callbacks)
    assert response["Location"].endswith(f"/nieuwsbrief/{region.slug}/aangemeld/")
    [_first, second] = smtp_server.wait_for(2)
    assert "/nieuwsbrief/voorkeuren/" in second.get_body(preferencelist=("plain",)).get_content()
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE


@pytest.fixture
def active(region):
    from kennisnetwerk.outreach.services import (
        SubscriberData,
        subscriber_confirm,
        subscriber_signup,
    )

    result = subscriber_signup(
        region=region,
        data=SubscriberData(email="lid@voorbeeld.example", company_name="Lid BV"),
        consent_text="ja",
    )
    return subscriber_confirm(subscriber=result.subscriber, consent_text="bevestigd")


def test_preference_centre_changes_pauses_and_resumes(client, active):
    url = f"/nieuwsbrief/voorkeuren/{subscriber_token(active, Purpose.PREFERENCES)}/"
    page = client.get(url)
    assert page.status_code == 200 and "lid@voorbeeld.example" in page.content.decode()
    saved = client.post(
        url,
        {
            "action": "save",
            "company_name": "Lid BV",
            "municipality": "Oss",
            "themes": [str(t.pk) for t in Theme.objects.all()[:2]],
            "frequency": "wekelijks",
            "size_class": "klein",
        },
    )
    assert saved.status_code == 302
    active.refresh_from_db()
    assert active.frequency == "wekelijks" and active.themes.count() == 2
    change = active.consents.get(event=ConsentEvent.CHANGED)
    assert change.details["changes"]["frequency"] == ["maandelijks", "wekelijks"]

    past = client.post(url, {"action": "pause", "until": "2020-01-01"})
    assert "Kies een datum in de toekomst." in past.content.decode()
    until = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    client.post(url, {"action": "pause", "until": until})
    active.refresh_from_db()
    assert active.status == SubscriberStatus.PAUSED
    client.post(url, {"action": "resume"})
    active.refresh_from_db()
    assert active.status == SubscriberStatus.ACTIVE


def test_unsubscribe_get_asks_post_stops_at_once(client, active):
    url = f"/nieuwsbrief/afmelden/{subscriber_token(active, Purpose.UNSUBSCRIBE)}/"
    assert client.get(url).status_code == 200
    active.refresh_from_db()
    assert active.status == SubscriberStatus.ACTIVE
    # The RFC 8058 one-click POST of a mail program: no CSRF token, no cookies.
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    active.refresh_from_db()
    assert active.status == SubscriberStatus.UNSUBSCRIBED
    assert active.consents.filter(event=ConsentEvent.WITHDRAWN, details__via="one-click").exists()
    assert Suppression.objects.filter(email_hash=email_hash("LID@voorbeeld.example")).exists()


def test_erase_removes_the_subscriber_but_keeps_the_block(client, active):
    url = f"/nieuwsbrief/voorkeuren/{subscriber_token(active, Purpose.PREFERENCES)}/"
    response = client.post(url, {"action": "erase"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists() and not Consent.objects.exists()
    assert Suppression.objects.filter(email_hash=email_hash("lid@voorbeeld.example")).exists()
    assert client.get(url).status_code == 400
