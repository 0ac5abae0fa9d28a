import pytest
from playwright.sync_api import expect

from kennisnetwerk.accounts.models import RegionRole
from kennisnetwerk.geo.models import Municipality
from kennisnetwerk.geo.services import region_create

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


@pytest.fixture
def coordinator(make_user):
    region = region_create(
        name="Noordoost-Brabant",
        kind="custom",
        municipalities=Municipality.objects.filter(name__in=["Oss", "'s-Hertogenbosch"]),
        actor=None,
    )
    user = make_user("anouk@regio-nob.example", "Anouk van den Heuvel")
    RegionRole.objects.create(user=user, region=region, role="coordinator")
    return user


def test_coordinator_logs_in_and_sees_their_region(page, coordinator, log_in, assert_accessible):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert_accessible(page)

    page.goto("/account/login/")
    assert_accessible(page)
    log_in(page, coordinator.email)

    expect(page).to_have_url("/dashboard/")
    expect(page.locator("h1")).to_contain_text(coordinator.get_short_name())
    expect(page.locator("#your-regions")).to_contain_text("Noordoost-Brabant")
    assert_accessible(page)
