import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kennisnetwerk.demo.data import NOORDOOST_BRABANT
from kennisnetwerk.geo.models import (
    CoropArea,
    Municipality,
    MunicipalityAlias,
    PlaceName,
    Province,
    Region,
    SbiCode,
    SbiSection,
)
from kennisnetwerk.geo.reference_data import DEFAULT_DATA_DIR

pytestmark = pytest.mark.django_db


def _empty_geo():
    Region.objects.all().delete()
    MunicipalityAlias.objects.all().delete()
    PlaceName.objects.all().delete()
    Municipality.objects.all().delete()
    CoropArea.objects.all().delete()
    Province.objects.all().delete()
    SbiCode.objects.all().delete()
    SbiSection.objects.all().delete()


def test_loads_every_file_and_a_second_run_changes_nothing():
    _empty_geo()
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    assert Province.objects.count() == 12
    assert CoropArea.objects.count() == 40
    assert Municipality.objects.count() == 342
    assert PlaceName.objects.count() == 2501
    assert SbiSection.objects.count() == 21
    assert SbiCode.objects.count() == 943
    assert SbiCode.objects.get(code="01131").section.code == "A"
    counts = {
        model: model.objects.count()
        for model in (Province, CoropArea, Municipality, PlaceName, MunicipalityAlias, Region)
    }

    again = StringIO()
    call_command("load_reference_data", stdout=again)
    assert "0 new, 0 changed" in again.getvalue()
    assert " new, 0 changed" in again.getvalue()
    assert all(
        f"{label}: 0 new, 0 changed" in again.getvalue()
        for label in ("municipalities", "place_names", "regions", "sbi_codes")
    )
    assert {model: model.objects.count() for model in counts} == counts


def test_automatic_regions_follow_the_cbs_classification():
    nederland = Region.objects.get(slug="nederland")
    assert nederland.municipalities.count() == 342
    noord_brabant = Region.objects.get(kind="province", source_code="PV30")
    assert noord_brabant.name == "Noord-Brabant"
    assert noord_brabant.municipalities.filter(name="Oss").exists()
    corop = Region.objects.get(kind="corop", source_code="CR35")
    assert sorted(corop.municipalities.values_list("name", flat=True)) == sorted(NOORDOOST_BRABANT)
    assert Region.objects.filter(kind="province").count() == 12
    assert Region.objects.filter(kind="corop").count() == 40


def test_a_changed_name_in_a_new_release_is_updated(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    path = data_dir / "gemeenten.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",Boekel,", ",Boekel-Nieuw,"), encoding="utf-8"
    )
    out = StringIO()
    call_command("load_reference_data", data_dir=data_dir, stdout=out)
    assert Municipality.objects.get(code="GM0755").name == "Boekel-Nieuw"
    assert "municipalities: 0 new, 1 changed" in out.getvalue()


def test_unknown_municipality_is_reported_by_name_and_nothing_is_loaded(tmp_path):
    _empty_geo()
    data_dir = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    with (data_dir / "voormalige_gemeenten.csv").open("a", encoding="utf-8") as handle:
        handle.write("Oud-Atlantis,Atlantis aan Zee,herindeling,2024-01-01\n")

    with pytest.raises(CommandError) as error:
        call_command("load_reference_data", data_dir=data_dir, stdout=StringIO())

    message = str(error.value)
    assert "Atlantis aan Zee" in message
    assert "voormalige_gemeenten.csv" in message
    assert "Onbekende gemeente" in message  # Dutch, as the interface language
    assert Municipality.objects.count() == 0
    assert Province.objects.count() == 0
    assert Region.objects.count() == 0


def test_place_with_unknown_municipality_code_and_missing_file_are_both_reported(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    with (data_dir / "woonplaatsen.csv").open("a", encoding="utf-8") as handle:
        handle.write("9999,Nergenshuizen,GM9999\n")
    (data_dir / "sbi2008.csv").unlink()
    before = PlaceName.objects.count()

    with pytest.raises(CommandError) as error:
        call_command("load_reference_data", data_dir=data_dir, stdout=StringIO())

    assert "Nergenshuizen" in str(error.value)
    assert "sbi2008.csv" in str(error.value)
    assert PlaceName.objects.count() == before
