"""Texts a new user reads: optional fields marked once, in one way; account mails in the
network's name with an HTML part (test_account_mails.py); lists without stray separators."""

import re

import pytest
from django.urls import reverse

from kennisnetwerk.accounts.tests.factories import RegionFactory, make_coordinator
from kennisnetwerk.learning.models import RegionApplication

pytestmark = pytest.mark.django_db


def _labels(html: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", label)).strip()
        for label in re.findall(r"<label[^>]*>(.*?)</label>", html, flags=re.S)
    ]


def test_sign_up_marks_each_optional_field_once(client):
    page = client.get("/account/signup/").content.decode()
    labels = _labels(page)
    assert "KVK-nummer (optioneel)" in labels
    assert "Gemeente of vestigingsplaats (optioneel)" in labels
    assert not [label for label in labels if label.count("optioneel") > 1]
    assert "(optioneel) (optioneel)" not in page


@pytest.mark.parametrize("url_name", ["outreach:subscribe", "needs:intake"])
def test_public_forms_say_optional_one_way(client, url_name):
    region = RegionFactory(name="Noordoost-Brabant", slug="noordoost-brabant")
    page = client.get(reverse(url_name, args=[region.slug])).content.decode()
    assert "Niet verplicht" not in page
    assert "optioneel" in page


def test_what_the_region_provides_reads_as_a_list(client):
    region = RegionFactory(name="Noordoost-Brabant", slug="nob")
    coordinator = make_coordinator(region)
    application = RegionApplication.objects.create(
        region=region,
        submitted_by=coordinator,
        motivation="Samen leren.",
        administrative_drive="Wethouders economie.",
        provides_venue=True,
        provides_catering=True,
    )
    client.force_login(coordinator)
    page = client.get(reverse("learning:application", args=[application.pk])).content.decode()
    assert "locatie, catering" in page
    assert "locatie;" not in page and "catering;" not in page
