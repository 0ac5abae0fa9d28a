"""Parties upload sketches for an indicator and period; the platform refuses anything else
with a clear Dutch message and shows only combined figures, small cells as "< 10"."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisnetwerk.monitoring.models import ReachSketch
from kennisnetwerk.monitoring.sketches import sketch_file_make

from .factories import reach_world

KEY = bytes.fromhex("11" * 32)


@pytest.fixture
def world(db):
    return reach_world()


def _file(numbers, *, key=KEY, indicator="bereik-mkb", period="2025", seed=None):
    kwargs = {"seed": seed} if seed is not None else {}
    data = sketch_file_make(numbers, key=key, indicator=indicator, period=period, **kwargs)
    return SimpleUploadedFile("partij.sketch", data.to_bytes())


def _upload(client, world, organisation, upload, period="2025"):
    return client.post(
        reverse("monitoring:sketch_upload", args=[world["indicator"].pk]),
        {"organisation": organisation.pk, "period": period, "file": upload},
    )


def _numbers(start, stop):
    return [f"{n:08d}" for n in range(start, stop)]


def test_two_parties_upload_and_the_report_shows_union_overlap_and_small_cells(client, world):
    client.force_login(world["kvk_member"])
    response = _upload(client, world, world["kvk"], _file(_numbers(10_000, 10_500)))
    assert response.status_code == 302
    client.force_login(world["bom_member"])
    # 495 in common with the first party, 5 reached by nobody else
    _upload(client, world, world["bom"], _file(_numbers(10_005, 10_505)))

    client.force_login(world["coordinator"])
    page = client.get(reverse("monitoring:reach", args=[world["indicator"].pk, "2025"]))

    html = page.content.decode()
    assert page.status_code == 200
    assert '<strong id="unique-reach">505</strong>' in html
    assert "495" in html  # overlap, exact below the sketch size
    assert "&lt; 10" in html  # the 5 only the second party reaches
    csv = client.get(reverse("monitoring:reach_csv", args=[world["indicator"].pk, "2025"]))
    assert "< 10" in csv.content.decode("utf-8-sig")
    assert ";5;" not in csv.content.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("klanten.csv", b"kvk\n12345678\n"), "is geen bereikschets"),
        (None, "andere hashseed"),
        (None, "niet voor bereik-mkb"),
        (None, "niet voor 2025"),
    ],
)
def test_a_file_that_is_not_a_usable_sketch_is_refused_in_dutch(client, world, upload, message):
    if message == "andere hashseed":
        upload = _file(_numbers(1, 50), seed=12345)
    elif message == "niet voor bereik-mkb":
        upload = _file(_numbers(1, 50), indicator="deelnemers")
    elif message == "niet voor 2025":
        upload = _file(_numbers(1, 50), period="2024")
    client.force_login(world["kvk_member"])

    response = _upload(client, world, world["kvk"], upload)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReachSketch.objects.exists()


def test_a_sketch_made_with_another_network_key_is_refused(client, world):
    client.force_login(world["kvk_member"])
    _upload(client, world, world["kvk"], _file(_numbers(1, 50)))
    client.force_login(world["bom_member"])

    response = _upload(client, world, world["bom"], _file(_numbers(1, 50), key=b"x" * 32))

    assert response.status_code == 400
    assert "andere netwerksleutel" in response.content.decode()
    assert ReachSketch.objects.count() == 1


def test_a_party_downloads_its_own_sketch_but_never_another_partys(client, world):
    client.force_login(world["kvk_member"])
    _upload(client, world, world["kvk"], _file(_numbers(1, 50)))
    sketch = ReachSketch.objects.get()
    url = reverse("monitoring:sketch_download", args=[sketch.pk])

    assert client.get(url).status_code == 200
    for other in ("bom_member", "coordinator"):
        client.force_login(world[other])
        assert client.get(url).status_code == 403


def test_a_party_cannot_upload_on_behalf_of_another_party(client, world):
    client.force_login(world["kvk_member"])

    response = _upload(client, world, world["bom"], _file(_numbers(1, 50)))

    assert response.status_code == 400
    assert not ReachSketch.objects.exists()
