"""Dashboards of a region, an MKB-Deal and a learning programme: rendered on the server
(charts are SVG with a title and description), each chart with the table of its numbers and
downloads as CSV and Excel; reach cells below the threshold show as "< 10" and are not drawn;
the pages stay within a fixed number of queries."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory, make_member
from kennisnetwerk.learning.constants import MemberRole
from kennisnetwerk.learning.tests.factories import add_member

from .factories import dashboard_world


@pytest.fixture
def world(db):
    return dashboard_world()


def test_the_region_dashboard_shows_every_chart_with_its_table(
    client, world, django_assert_max_num_queries
):
    client.force_login(world["coordinator"])
    url = reverse("monitoring:region", args=[world["region"].slug])

    # 16: the page's own 15 and the header's unread notification count.
    with django_assert_max_num_queries(16):
        response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    # indicators against targets: the chart is an image with a title and a description
    assert '<title id="chart-indicator-' in html and '<desc id="chart-indicator-' in html
    assert '<th scope="row">2025</th><td>130</td><td>120</td>' in html
    # the DOE agenda: one action past its deadline, its two parts rolled up to 70 %
    assert '<th scope="row">DOE-agenda 2026</th><td>3</td><td>1</td><td>1</td><td>70</td>' in html
    # reach: 300 and 200 reached, 300 together; the second party reaches nobody else → "< 10"
    assert "Uniek bereik (alle partijen)" in html
    assert "<strong>300</strong>" in html
    assert "&lt; 10" in html
    # learning: 1 session held, 4 registrations, 3 present
    assert '<th scope="row">CoP Noordoost-Brabant</th><td>1</td><td>4</td><td>3</td>' in html
    assert html.count("(CSV)</a>") == html.count("(Excel)</a>") == 6


def test_downloads_hold_the_numbers_of_the_page_and_keep_suppression(client, world):
    client.force_login(world["coordinator"])
    slug = world["region"].slug
    reach_key = f"bereik-{world['indicator'].pk}"

    csv = client.get(reverse("monitoring:region_table", args=[slug, reach_key, "csv"]))
    text = csv.content.decode("utf-8-sig")
    assert csv["Content-Disposition"].endswith('.csv"')
    assert "< 10" in text
    assert "Ontwikkelingsmaatschappij (fictief);200;" in text
    xlsx = client.get(reverse("monitoring:region_table", args=[slug, "leren", "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert list(sheet.iter_rows(values_only=True)) == [
        ("Programma", "Gehouden bijeenkomsten", "Aanmeldingen", "Aanwezigheid"),
        ("CoP Noordoost-Brabant", 1, 4, 3),
    ]
    indicator = client.get(reverse("monitoring:measurements_xlsx", args=[world["deelnemers"].pk]))
    rows = list(load_workbook(io.BytesIO(indicator.content)).active.iter_rows(values_only=True))
    assert rows[-1] == ("2025", 130, 120, "aantal")
    missing = client.get(reverse("monitoring:region_table", args=[slug, "bestaat-niet", "csv"]))
    assert missing.status_code == 404


def test_a_suppressed_reach_figure_draws_no_bar(world):
    from kennisnetwerk.monitoring.selectors_dashboard import region_dashboard

    part = region_dashboard(world["region"]).reach[0]
    drawn = {(b.label, b.series): b.value for b in part.figure.chart.bars}
    assert drawn[("Ontwikkelingsmaatschappij (fictief)", 1)] is None
    assert drawn[("KVK Zuid (fictief)", 0)] == 300


def test_an_mkb_deal_has_its_own_dashboard(client, db):
    deal = RegionFactory(name="MKB-Deal Achterhoek", kind="mkb_deal")
    from kennisnetwerk.accounts.tests.factories import make_coordinator

    client.force_login(make_coordinator(deal))
    html = client.get(reverse("monitoring:region", args=[deal.slug])).content.decode()
    assert "dashboard van deze MKB-Deal" in html
    index = client.get(reverse("monitoring:index")).content.decode()
    assert "MKB-Deals" in index and "MKB-Deal Achterhoek" in index


def test_the_programme_dashboard_is_for_the_programmes_people(
    client, world, django_assert_max_num_queries
):
    programme = world["programme"]
    participant = make_member(OrganisationFactory(name="Gemeente Uden (fictief)"))
    add_member(programme, participant, MemberRole.PARTICIPANT)
    client.force_login(participant)
    url = reverse("monitoring:programme", args=[programme.slug])

    with django_assert_max_num_queries(15):
        response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Aanwezigen CoP" in html
    assert "<td>Aftrap</td><td>4</td><td>3</td>" in html
    stranger = make_member(OrganisationFactory(name="Elders (fictief)"))
    client.force_login(stranger)
    assert client.get(url).status_code == 403
    table = reverse("monitoring:programme_table", args=[programme.slug, "leren", "csv"])
    assert client.get(table).status_code == 403


def test_the_region_dashboard_shows_questions_per_theme_and_links_the_gap_report(
    client, world, django_assert_max_num_queries
):
    from django.utils import timezone

    from kennisnetwerk.ecosystem.models import Theme
    from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory
    from kennisnetwerk.needs.models import Need, NeedMatch

    region = world["region"]
    personeel = Theme.objects.exclude(slug="digitalisering").order_by("pk").first()
    digitaal = Theme.objects.get(slug="digitalisering")
    now = timezone.now()
    answered = Need.objects.create(region=region, question="Personeel gezocht", matched_at=now)
    answered.themes.set([personeel])
    NeedMatch.objects.create(need=answered, initiative=InitiativeFactory(), rank=1, score=0.8)
    unmatched = Need.objects.create(region=region, question="Webshop bouwen", matched_at=now)
    unmatched.themes.set([personeel, digitaal])
    Need.objects.create(region=region, question="Nog niet gematcht")

    client.force_login(world["coordinator"])
    # 16: the page's own 15 and the header's unread notification count.
    with django_assert_max_num_queries(16):
        html = client.get(reverse("monitoring:region", args=[region.slug])).content.decode()
    assert "Vragen van ondernemers per thema" in html
    # personeel: 2 questions, both open, one of them without a good match
    rows = {
        name: html.split(f'<th scope="row">{name}</th>', 1)[1].split("</tr>", 1)[0]
        for name in (personeel.name, digitaal.name, "geen thema")
    }
    assert rows[personeel.name] == "<td>2</td><td>2</td><td>1</td>"
    assert rows[digitaal.name] == "<td>1</td><td>1</td><td>1</td>"
    assert rows["geen thema"] == "<td>1</td><td>1</td><td>0</td>"
    assert f'href="/vraag/{region.slug}/hiaten/"' in html


def test_attendance_never_exceeds_registrations_and_both_are_defined(client, world):
    """A cancelled registration marked present (an old list, an import), someone on the
    waiting list marked present and a session still going on count for neither column."""
    import datetime as dt

    from django.utils import timezone

    from kennisnetwerk.learning.constants import RegistrationStatus
    from kennisnetwerk.learning.models import Registration
    from kennisnetwerk.learning.tests.factories import SessionFactory

    programme = world["programme"]
    held = programme.sessions.get(title="Aftrap")
    for n, status in enumerate((RegistrationStatus.CANCELLED, RegistrationStatus.WAITING)):
        Registration.objects.create(
            session=held, name=f"Q{n}", email=f"q{n}@voorbeeld.example", status=status,
            attended=True,
        )  # fmt: skip
    going_on = SessionFactory(
        programme=programme,
        starts_at=timezone.now() - dt.timedelta(hours=1),
        ends_at=timezone.now() + dt.timedelta(hours=2),
    )
    Registration.objects.create(
        session=going_on, name="R", email="r@voorbeeld.example",
        status=RegistrationStatus.REGISTERED, attended=True,
    )  # fmt: skip
    client.force_login(world["coordinator"])
    slug = world["region"].slug
    html = client.get(reverse("monitoring:region", args=[slug])).content.decode()
    assert '<th scope="row">CoP Noordoost-Brabant</th><td>1</td><td>4</td><td>3</td>' in html
    assert "Aanwezigheid: de aanmeldingen die als aanwezig zijn gemarkeerd." in html
    csv = client.get(reverse("monitoring:region_table", args=[slug, "leren", "csv"]))
    assert "CoP Noordoost-Brabant;1;4;3" in csv.content.decode("utf-8-sig")
    page = client.get(reverse("monitoring:programme", args=[programme.slug])).content.decode()
    assert "<td>Aftrap</td><td>4</td><td>3</td>" in page
