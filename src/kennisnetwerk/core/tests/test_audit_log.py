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


def _row_texts(client) -> list[str]:
    """The 'values and changes' cell of each entry as a person reads it."""
    import re

    body = client.get("/auditlog/").content.decode()
    rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
    cells = [re.findall(r"<td>(.*?)</td>", row, flags=re.S) for row in rows]
    return [re.sub(r"<[^>]+>", "", c[4]).strip() for c in cells if len(c) == 5]


def test_a_creation_shows_its_values_by_field_name_with_labels_and_dutch_dates(client):
    import datetime as dt

    from django.utils import timezone

    from kennisnetwerk.learning.constants import SessionFormat
    from kennisnetwerk.learning.services_sessions import SessionData, session_create
    from kennisnetwerk.learning.tests.factories import ProgrammeFactory

    facilitator = make_facilitator()
    starts = timezone.localtime().replace(
        month=3, day=7, hour=14, minute=0, second=0, microsecond=0
    )
    starts = starts.replace(year=starts.year + 1)
    session_create(
        programme=ProgrammeFactory(),
        data=SessionData(
            title="Werksessie digitalisering",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
            capacity=1500,
            place="Oss",
            formats=[SessionFormat.GUEST_EXPERT, SessionFormat.WEBINAR],
        ),
        actor=facilitator,
    )
    client.force_login(facilitator)
    cell = next(t for t in _row_texts(client) if "Werksessie" in t)

    assert "→" not in cell  # values of a creation, not old → new pairs
    assert "Titel: Werksessie digitalisering" in cell
    assert f"7 maart {starts.year}" in cell  # a Dutch date, not 2027-03-07T13:00:00+00:00
    assert "Gast-expert, Webinar" in cell  # the formats by their names
    assert "Open voor aanmelding" in cell  # the status by its label
    assert "1.500" in cell  # a number the Dutch way
    assert "starts_at" not in cell and "capacity" not in cell


def test_an_update_shows_old_and_new_values_by_label(client):
    from kennisnetwerk.learning.services_sessions import session_cancel
    from kennisnetwerk.learning.tests.factories import SessionFactory

    facilitator = make_facilitator()
    session_cancel(session=SessionFactory(title="Excursie Veghel"), actor=facilitator)
    client.force_login(facilitator)
    cell = next(t for t in _row_texts(client) if "Status" in t)
    assert "Geannuleerd" in cell
    assert "→" in cell
    assert "geannuleerd" not in cell  # the label, not the stored key


def test_recorded_yes_no_values_and_creation_pairs_read_as_values(client):
    actor = UserFactory(full_name="Fenna de Boer")
    audit_log(
        actor=actor,
        action="create",
        obj=actor,
        changes={"full_name": [None, "Fenna de Boer"], "guest": True},
    )
    client.force_login(make_facilitator())
    cell = next(t for t in _row_texts(client) if "Fenna" in t)
    assert "→" not in cell
    assert "Volledige naam: Fenna de Boer" in cell or "Naam: Fenna de Boer" in cell
    assert "Gast: ja" in cell
