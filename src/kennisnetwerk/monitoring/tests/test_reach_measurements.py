"""Reach estimates become the reach indicator's measurements, per period and with their 95 %
interval, so the indicator stands against its target instead of showing "—"."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisnetwerk.monitoring.models import Measurement, ReachSketch, Target
from kennisnetwerk.monitoring.selectors_dashboard import cell_text
from kennisnetwerk.monitoring.services import sketch_delete
from kennisnetwerk.monitoring.sketches import sketch_file_make

from .factories import reach_world

KEY = bytes.fromhex("33" * 32)


@pytest.fixture
def world(db):
    world = reach_world()
    Target.objects.create(indicator=world["indicator"], period="2025", value=25_000)
    return world


def _upload(client, world, member, organisation, start, stop, period="2025"):
    numbers = [f"{n:08d}" for n in range(start, stop)]
    data = sketch_file_make(numbers, key=KEY, indicator="bereik-mkb", period=period).to_bytes()
    client.force_login(member)
    response = client.post(
        reverse("monitoring:sketch_upload", args=[world["indicator"].pk]),
        {
            "organisation": organisation.pk,
            "period": period,
            "file": SimpleUploadedFile("partij.sketch", data),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def test_the_unique_reach_becomes_the_measurement_of_its_period(client, world):
    indicator = world["indicator"]
    # 20,000 KVK numbers each, 10,000 in common: more than a sketch keeps, so estimated.
    _upload(client, world, world["kvk_member"], world["kvk"], 10_000_000, 10_020_000)
    _upload(client, world, world["bom_member"], world["bom"], 10_010_000, 10_030_000)

    measurement = Measurement.objects.get(indicator=indicator, period="2025")
    assert measurement.source == "bereik"
    assert 29_000 <= measurement.value <= 31_000
    assert measurement.lower < measurement.value < measurement.upper
    assert measurement.lower <= 30_000 <= measurement.upper

    # The dashboard and the indicator page show it against the target, with its range, as
    # the reach page has it.
    client.force_login(world["coordinator"])
    reach_page = client.get(reverse("monitoring:reach", args=[indicator.pk, "2025"]))
    assert f'<strong id="unique-reach">{cell_text(measurement.value)}</strong>' in (
        reach_page.content.decode()
    )
    interval = f"{cell_text(measurement.lower)} – {cell_text(measurement.upper)}"
    for url in (
        reverse("monitoring:region", args=[world["region"].slug]),
        reverse("monitoring:indicator", args=[indicator.pk]),
    ):
        page = client.get(url).content.decode()
        assert f"<td>{cell_text(measurement.value)}</td>" in page
        assert f"<td>{cell_text(25_000)}</td>" in page
        assert interval in page
    csv = client.get(reverse("monitoring:measurements_csv", args=[indicator.pk]))
    assert str(int(measurement.value)) in csv.content.decode("utf-8-sig")

    # A party's sketch withdrawn: the measurement follows.
    sketch_delete(sketch=ReachSketch.objects.get(organisation=world["bom"]), actor=None)
    measurement.refresh_from_db()
    assert 19_000 <= measurement.value <= 21_000


def test_each_period_gets_its_own_measurement_and_small_figures_none(client, world):
    indicator = world["indicator"]
    _upload(client, world, world["kvk_member"], world["kvk"], 1_000, 1_400, period="2024")
    _upload(client, world, world["bom_member"], world["bom"], 1_200, 1_500, period="2024")
    _upload(client, world, world["kvk_member"], world["kvk"], 1_000, 1_005, period="2025")
    measured = dict(Measurement.objects.filter(indicator=indicator).values_list("period", "value"))
    # Below the sketch size the figure is exact (no interval); five entrepreneurs are below
    # the smallest number shown, so 2025 has no figure.
    assert measured == {"2024": 500}
    assert Measurement.objects.get(period="2024").lower is None
