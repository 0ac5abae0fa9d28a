"""The joint calendar: the public page, the iCalendar feeds (parsed with the icalendar
package) and the RSS feed (parsed with xml.etree)."""

import datetime as dt
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from kennisnetwerk.core.menu import main_menu
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.outreach.models import Message
from kennisnetwerk.outreach.services_messages import (
    message_cancel,
    message_merge,
    message_update,
)

from .message_factories import approved, at, event_data, make_world, submitted

pytestmark = pytest.mark.django_db

DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture
def world():
    return make_world()


def _ics(client, url) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _events(calendar: Calendar) -> dict[str, object]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def _xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 (our own feed, produced by the test)


def _month(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m")


def test_calendar_page_shows_approved_events_in_a_month_grid_and_a_list(client, world):
    event = approved(world, title="Ondernemerscafé Maashorst")
    submitted(world, title="Nog niet goedgekeurd")
    url = f"/nieuwsbrief/{world.region.slug}/agenda/"
    page = client.get(url, {"maand": _month(event.event_start)})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ondernemerscafé Maashorst" in html and "Nog niet goedgekeurd" not in html
    assert '<table class="kn-table kn-calendar">' in html and 'scope="col"' in html
    assert f'href="/nieuwsbrief/berichten/{event.pk}/"' in html
    listing = client.get(url, {"maand": _month(event.event_start), "weergave": "lijst"})
    assert "Ondernemerscafé Maashorst" in listing.content.decode()
    assert "<table" not in listing.content.decode()
    # The month before shows nothing of it.
    before = (timezone.localtime(event.event_start).replace(day=1) - dt.timedelta(days=1)).strftime(
        "%Y-%m"
    )
    assert "Ondernemerscafé Maashorst" not in client.get(url, {"maand": before}).content.decode()
    assert client.get("/nieuwsbrief/bestaat-niet/agenda/").status_code == 404


def test_calendar_filters_by_theme_and_municipality(client, world):
    from kennisnetwerk.geo.models import Municipality

    month = _month(at(10))
    digital = approved(world, title="Digitale werkplaats")
    export = approved(
        world,
        sender=world.kvk,
        title="Exportcafé",
        body="Over zaken doen in Duitsland.",
        themes=[Theme.objects.get(slug="internationalisering")],
        municipalities=[Municipality.objects.get(name="Maashorst")],
    )
    url = f"/nieuwsbrief/{world.region.slug}/agenda/"
    by_theme = client.get(url, {"maand": month, "thema": "internationalisering"}).content.decode()
    assert export.title in by_theme and digital.title not in by_theme
    # An event for the whole region is shown for every municipality in it.
    in_oss = client.get(url, {"maand": month, "gemeente": "Oss"}).content.decode()
    assert digital.title in in_oss and export.title not in in_oss
    in_uden = client.get(url, {"maand": month, "gemeente": "Uden"}).content.decode()
    assert digital.title in in_uden and export.title in in_uden  # Uden is now Maashorst
    outside = client.get(url, {"maand": month, "gemeente": "Leiden"})
    assert outside.status_code == 200 and "gemeente" in outside.context["form"].errors
    assert digital.title in outside.content.decode()  # an invalid filter filters nothing


def test_calendar_page_needs_few_queries(client, world, django_assert_max_num_queries):
    for n in range(10):
        approved(world, title=f"Bijeenkomst {n}", event_start=at(n + 1), event_end=at(n + 1, 17))
    with django_assert_max_num_queries(15):
        response = client.get(f"/nieuwsbrief/{world.region.slug}/agenda/", {"weergave": "lijst"})
    assert response.status_code == 200


def test_ics_feed_follows_rfc_5545(client, world, settings):
    settings.SITE_URL = "https://kennisnetwerk.example"
    event = approved(world, title="Webinar digitalisering", location="Online")
    submitted(world, title="Nog in de wachtrij")
    url = f"/nieuwsbrief/{world.region.slug}/agenda.ics"
    first = client.get(url).content
    calendar = Calendar.from_ical(first)
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"{event.uid}@kennisnetwerk.example"
    assert str(vevent["SUMMARY"]) == "Webinar digitalisering"
    assert str(vevent["STATUS"]) == "CONFIRMED" and int(vevent["SEQUENCE"]) == 0
    assert str(vevent["LOCATION"]) == "Online"
    start = vevent.decoded("DTSTART")
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/Amsterdam"
    assert start == event.event_start and start.hour == 14
    assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert vevent.decoded("DTEND") == event.event_end
    assert vevent.decoded("DTSTAMP").tzinfo is not None
    assert vevent.decoded("LAST-MODIFIED") == event.updated_at.replace(microsecond=0)
    assert str(vevent["URL"]).startswith("https://kennisnetwerk.example/nieuwsbrief/berichten/")
    assert "Gemeente Oss (fictief)" in str(vevent["DESCRIPTION"])
    assert "Gemeente Oss (fictief)" in vevent["ORGANIZER"].params["CN"]
    # The same feed on the next request: UIDs (and everything else) stable.
    assert client.get(url).content == first


def test_edit_keeps_the_uid_and_raises_the_sequence(client, world):
    event = approved(world)
    url = f"/nieuwsbrief/{world.region.slug}/agenda.ics"
    [uid] = _events(_ics(client, url))
    message_update(
        message=event,
        data=event_data(title="Webinar digitalisering (nieuwe tijd)", event_start=at(10, 15)),
        actor=world.coordinator,
    )
    events = _events(_ics(client, url))
    assert list(events) == [uid]
    vevent = events[uid]
    assert int(vevent["SEQUENCE"]) == 1
    assert str(vevent["SUMMARY"]) == "Webinar digitalisering (nieuwe tijd)"
    assert vevent.decoded("DTSTART").hour == 15


def test_cancelled_event_stays_in_the_feed_marked_cancelled(client, world):
    event = approved(world)
    url = f"/nieuwsbrief/{world.region.slug}/agenda.ics"
    message_cancel(message=event, actor=world.member)
    [vevent] = _ics(client, url).walk("VEVENT")
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert int(vevent["SEQUENCE"]) == 1
    assert str(vevent["UID"]).startswith(str(event.uid))
    # Until 30 days after its end; then it leaves the feed.
    Message.objects.filter(pk=event.pk).update(
        event_start=timezone.now() - dt.timedelta(days=32),
        event_end=timezone.now() - dt.timedelta(days=31),
    )
    assert _ics(client, url).walk("VEVENT") == []
    # Cancelled events are not in the RSS feed of current messages.
    rss = _xml(client.get(f"/nieuwsbrief/{world.region.slug}/berichten.xml").content)
    assert rss.findall("./channel/item") == []


def test_theme_feed_has_only_that_theme(client, world):
    digital = approved(world)
    export = approved(
        world,
        sender=world.kvk,
        title="Exportcafé",
        body="Over zaken doen in Duitsland.",
        themes=[Theme.objects.get(slug="internationalisering")],
    )
    calendar = _ics(client, f"/nieuwsbrief/{world.region.slug}/agenda/internationalisering.ics")
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [export.title]
    assert calendar.walk("VTIMEZONE")
    assert (
        digital.title
        not in client.get(
            f"/nieuwsbrief/{world.region.slug}/agenda/internationalisering.ics"
        ).content.decode()
    )
    assert client.get(f"/nieuwsbrief/{world.region.slug}/agenda/onbekend.ics").status_code == 404


def test_merged_event_names_both_senders_on_the_page_in_ics_and_rss(client, world):
    first = approved(world)
    second = approved(world, sender=world.kvk, title="Webinar digitaliseren (KVK)")
    message_merge(message=second, into=first, actor=world.coordinator)

    page = client.get(f"/nieuwsbrief/berichten/{first.pk}/").content.decode()
    assert "Gemeente Oss (fictief)" in page and "KVK Noordoost (fictief)" in page

    events = _events(_ics(client, f"/nieuwsbrief/{world.region.slug}/agenda.ics"))
    merged = next(e for uid, e in events.items() if uid.startswith(str(first.uid)))
    assert "KVK Noordoost (fictief)" in merged["ORGANIZER"].params["CN"]
    assert "Gemeente Oss (fictief)" in merged["ORGANIZER"].params["CN"]
    assert "KVK Noordoost (fictief)" in str(merged["DESCRIPTION"])
    assert int(merged["SEQUENCE"]) == 1
    # The merged-away event was public: calendars are told it is cancelled.
    gone = next(e for uid, e in events.items() if uid.startswith(str(second.uid)))
    assert str(gone["STATUS"]) == "CANCELLED"

    rss = _xml(client.get(f"/nieuwsbrief/{world.region.slug}/berichten.xml").content)
    [item] = rss.findall("./channel/item")
    creator = item.find(f"{DC}creator").text
    assert "Gemeente Oss (fictief)" in creator and "KVK Noordoost (fictief)" in creator
    assert "KVK Noordoost (fictief)" in item.find("description").text


def test_rss_feed_of_approved_messages(client, world, settings):
    settings.SITE_URL = "https://kennisnetwerk.example"
    news = approved(
        world,
        kind="nieuws",
        title="<b>Subsidie</b> digitalisering open",
        body="Aanvragen kan tot 1 juli.\n\n<script>alert(1)</script>",
        event_start=None,
        event_end=None,
        location="",
        valid_until=timezone.localdate() + dt.timedelta(days=30),
    )
    submitted(world, title="Niet goedgekeurd")
    scheduled = approved(world, title="Later", valid_until=timezone.localdate() + dt.timedelta(5))
    Message.objects.filter(pk=scheduled.pk).update(
        publish_from=timezone.localdate() + dt.timedelta(days=3)
    )
    response = client.get(f"/nieuwsbrief/{world.region.slug}/berichten.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = _xml(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert "Noordoost-Brabant" in channel.find("title").text
    items = channel.findall("item")
    assert [i.find("link").text for i in items] == [
        f"https://kennisnetwerk.example/nieuwsbrief/berichten/{news.pk}/"
    ]
    [item] = items
    # Plain text: escaped once more, so that no reader renders it as HTML.
    assert item.find("title").text == "&lt;b&gt;Subsidie&lt;/b&gt; digitalisering open"
    description = item.find("description").text
    assert "&lt;script&gt;" in description and "<script>" not in description
    assert item.find("guid").text == f"urn:uuid:{news.uid}"
    assert item.find("guid").get("isPermaLink") == "false"
    assert item.find(f"{DC}creator").text == "Gemeente Oss (fictief)"
    assert item.find("pubDate") is not None


def test_index_and_menu_replace_the_placeholder(client, world, rf):
    approved(world)
    page = client.get("/nieuwsbrief/")
    assert page.status_code == 200
    assert f"/nieuwsbrief/{world.region.slug}/agenda/" in page.content.decode()
    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    [item] = [i for i in main_menu(request) if i.key == "kalender"]
    assert item.available and item.url == "/nieuwsbrief/"
    assert client.get("/onderdeel/kalender/")["Location"] == "/nieuwsbrief/"


def test_event_times_stay_local_across_daylight_saving(world):
    """An event in winter and one in summer both keep their local wall-clock time."""
    from kennisnetwerk.outreach.feeds import calendar_ical

    zone = ZoneInfo("Europe/Amsterdam")
    winter = dt.datetime(2030, 1, 15, 10, 0, tzinfo=zone)
    summer = dt.datetime(2030, 7, 15, 10, 0, tzinfo=zone)
    messages = []
    for n, start in enumerate((winter, summer)):
        message = submitted(world, title=f"Sessie {n}", valid_until=timezone.localdate())
        Message.objects.filter(pk=message.pk).update(
            event_start=start, event_end=start + dt.timedelta(hours=2)
        )
        message.refresh_from_db()
        messages.append(message)
    calendar = Calendar.from_ical(calendar_ical(title="Test", events=messages))
    hours = [e.decoded("DTSTART").hour for e in calendar.walk("VEVENT")]
    assert hours == [10, 10]


def test_national_events_show_in_every_regional_calendar_and_feed(client, world):
    from kennisnetwerk.geo.constants import RegionKind
    from kennisnetwerk.geo.models import Region
    from kennisnetwerk.outreach.services_messages import message_approve, message_submit

    nederland = Region.objects.get(kind=RegionKind.NATIONAL)
    national = message_approve(
        message=message_submit(
            region=nederland,
            sender=world.kvk,
            data=event_data(title="Landelijk webinar exportregelingen"),
            actor=world.kvk_member,
        ),
        actor=world.coordinator,
    )
    approved(world, title="Ondernemerscafé Maashorst")
    page = client.get(
        f"/nieuwsbrief/{world.region.slug}/agenda/", {"maand": _month(national.event_start)}
    ).content.decode()
    assert "Landelijk webinar exportregelingen" in page and "Ondernemerscafé Maashorst" in page
    feed = _ics(client, f"/nieuwsbrief/{world.other.slug}/agenda.ics")
    summaries = {str(event["SUMMARY"]) for event in feed.walk("VEVENT")}
    assert summaries == {"Landelijk webinar exportregelingen"}


def test_the_feed_time_zone_covers_every_year_of_its_events(client, world):
    """Events two years ahead, in summer and winter: the VTIMEZONE holds the daylight-saving
    transitions of each of their years, so another program (vobject) reads the right offset."""
    import vobject

    summer = dt.datetime(timezone.localdate().year + 2, 7, 14, 14, 0, tzinfo=ZoneInfo(TZ))
    winter = dt.datetime(timezone.localdate().year + 3, 1, 20, 10, 0, tzinfo=ZoneInfo(TZ))
    for title, start in (("Zomerbijeenkomst", summer), ("Winterbijeenkomst", winter)):
        approved(
            world,
            title=title,
            event_start=start,
            event_end=start + dt.timedelta(hours=2),
            valid_until=start.date(),
        )
    content = client.get(f"/nieuwsbrief/{world.region.slug}/agenda.ics").content
    calendar = Calendar.from_ical(content)
    [zone] = calendar.walk("VTIMEZONE")
    transitions = []
    for part in zone.walk():
        if part.name in ("STANDARD", "DAYLIGHT"):
            transitions += [part.decoded("DTSTART"), *_rdates(part)]
    years = {moment.year for moment in transitions}
    assert {summer.year, winter.year} <= years
    parsed = vobject.readOne(content.decode())
    starts = {e.summary.value: e.dtstart.value for e in parsed.vevent_list}
    assert starts["Zomerbijeenkomst"].utcoffset() == dt.timedelta(hours=2)
    assert starts["Winterbijeenkomst"].utcoffset() == dt.timedelta(hours=1)
    assert starts["Zomerbijeenkomst"] == summer and starts["Winterbijeenkomst"] == winter


TZ = "Europe/Amsterdam"


def _rdates(part) -> list:
    values = part.get("RDATE")
    if values is None:
        return []
    values = values if isinstance(values, list) else [values]
    return [d.dt for value in values for d in value.dts]
