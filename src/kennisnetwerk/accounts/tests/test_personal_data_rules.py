"""Every table that points to a person has a rule for the export and the erasure, and the
rules are carried out: what someone submitted or uploaded is in their export, and after
erasure their name is nowhere in the audit log."""

import json

import pytest
from django.db.models import TextField
from django.db.models.functions import Cast

from kennisnetwerk.accounts.models import ErasureRequest
from kennisnetwerk.accounts.services import personal_data_erase, personal_data_export
from kennisnetwerk.core import personal_data
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.learning.services import member_add
from kennisnetwerk.learning.tests.factories import ProgrammeFactory
from kennisnetwerk.monitoring import services as monitoring_services
from kennisnetwerk.monitoring.sketches import sketch_file_make
from kennisnetwerk.monitoring.tests.factories import KEY, reach_world
from kennisnetwerk.outreach.tests.message_factories import make_world, submitted

pytestmark = pytest.mark.django_db


def test_every_link_to_a_person_has_an_export_and_an_erasure_rule():
    declared = personal_data.rules()
    walked = {
        personal_data.field_key(model, field) for model, field in personal_data.user_relations()
    }
    missing = sorted(walked - set(declared))
    assert not missing, f"fields pointing to a person without a personal-data rule: {missing}"
    # A rule for a field that no longer exists is a rule nobody carries out.
    stale = sorted(set(declared) - walked)
    assert not stale, f"personal-data rules for fields that do not exist: {stale}"
    for rule in declared.values():
        assert rule.export.strip() and rule.erasure.strip(), rule.field


def test_the_export_holds_the_messages_a_person_submitted():
    world = make_world()
    submitted(world, title="Workshop exporteren naar Duitsland")
    data = json.loads(json.dumps(personal_data_export(user=world.member), default=str))
    titles = [m["title"] for m in data["messages_submitted"]]
    assert titles == ["Workshop exporteren naar Duitsland"]
    assert data["messages_submitted"][0]["region"] == "Noordoost-Brabant"


def test_the_export_holds_the_reach_sketches_a_person_uploaded():
    world = reach_world()
    member = world["kvk_member"]
    data = sketch_file_make(
        [f"{n:08d}" for n in range(10_000, 10_050)], key=KEY, indicator="bereik-mkb", period="2025"
    ).to_bytes()
    monitoring_services.sketch_upload(
        indicator=world["indicator"],
        organisation=world["kvk"],
        period="2025",
        data=data,
        actor=member,
    )
    export = personal_data_export(user=member)
    sketches = export["monitoring"]["reach_sketches"]
    assert len(sketches) == 1
    assert sketches[0]["organisation"] == "KVK Zuid (fictief)"
    assert sketches[0]["distinct_kvk_numbers"] == 50


def test_after_erasure_the_name_is_nowhere_in_the_audit_log():
    world = make_world()
    person = world.member  # "Sanne de Vries"
    programme = ProgrammeFactory(title="Community of Practice Noordoost-Brabant")
    member_add(programme=programme, user=person, actor=world.coordinator)
    submitted(world, title="Netwerkborrel Oss")
    entry = AuditLogEntry.objects.filter(object_repr__contains="Sanne de Vries").first()
    assert entry is not None  # "Sanne de Vries – Community of Practice Noordoost-Brabant"

    personal_data_erase(request=ErasureRequest.objects.create(user=person))

    texts = AuditLogEntry.objects.annotate(text=Cast("changes", output_field=TextField()))
    for name in ("Sanne de Vries", person.email if "@" in person.email else "x" * 50):
        assert not texts.filter(object_repr__icontains=name).exists()
        assert not texts.filter(message__icontains=name).exists()
        assert not texts.filter(text__icontains=name).exists()
    entry.refresh_from_db()
    assert entry.object_repr.startswith(f"verwijderde gebruiker #{person.pk}")
    assert "Community of Practice Noordoost-Brabant" in entry.object_repr


def test_erasure_removes_the_link_from_records_that_stay():
    world = make_world()
    message = submitted(world, title="Netwerkborrel Oss")
    personal_data_erase(request=ErasureRequest.objects.create(user=world.member))
    message.refresh_from_db()
    assert message.submitted_by is None
    assert message.title == "Netwerkborrel Oss"  # the region's message stays


def test_the_privacy_page_lists_every_rule():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[4] / "docs" / "privacy.md").read_text()
    missing = [f for f in personal_data.rules() if f"`{f}`" not in text]
    assert not missing, f"docs/privacy.md does not list: {missing}"
