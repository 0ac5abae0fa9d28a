import pytest

from kennisnetwerk.accounts.tests.factories import UserFactory, make_facilitator
from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db


def test_facilitators_read_and_filter_the_audit_log(client):
    actor = UserFactory(full_name="Joris van Dijk")
    audit_log(
        actor=actor, action="update", obj=actor, changes={"full_name": ["Joris", "J. van Dijk"]}
    )
    audit_log(actor=None, action="create", object_repr="Regio Zwolle")
    client.force_login(make_facilitator())

    page = client.get("/auditlog/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Joris van Dijk" in body
    assert "Regio Zwolle" in body

    fragment = client.get("/auditlog/", {"actor": "joris"}, HTTP_HX_REQUEST="true")
    text = fragment.content.decode()
    assert "<html" not in text
    assert "Joris van Dijk" in text
    assert "Regio Zwolle" not in text


def test_audit_log_is_refused_to_everyone_else(client):
    client.force_login(UserFactory())
    assert client.get("/auditlog/").status_code == 403


def test_entries_record_changed_fields():
    actor = UserFactory()
    entry = audit_log(actor=actor, action="update", obj=actor, changes={"full_name": ["a", "b"]})
    assert entry.actor_label == actor.full_name
    assert entry.object_id == str(actor.pk)
    assert AuditLogEntry.objects.get().changes == {"full_name": ["a", "b"]}
