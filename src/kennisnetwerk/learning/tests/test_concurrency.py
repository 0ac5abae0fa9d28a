"""Concurrent registrations at a session with one free place: exactly one gets the place,
the others join the waiting list; a cancellation gives the place to the first waiter and
mails them. Real threads, each with its own database connection; on PostgreSQL the session
row is locked with SELECT … FOR UPDATE (SQLite serialises the transactions itself)."""

import threading

import pytest
from django.db import close_old_connections, connection

from kennisnetwerk.accounts.tests.factories import make_member
from kennisnetwerk.learning import services_sessions as services
from kennisnetwerk.learning.constants import RegistrationStatus

from .factories import add_member

THREADS = 6


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_overbook(
    session, programme, organisation, smtp_server, settings
):
    people = []
    for n in range(THREADS):
        user = make_member(organisation, email=f"tegelijk{n}@oss.example", full_name=f"Snel {n}")
        add_member(programme, user)
        people.append(user)
    # One place left: capacity 2, one registered already.
    services.session_register(session=session, name="Al aangemeld", email="al@oss.example")

    barrier = threading.Barrier(THREADS)
    results, errors = [], []

    def register(user):
        try:
            barrier.wait()
            registration = services.session_register(
                session=session, user=user, name=user.full_name, email=user.email, actor=user
            )
            results.append(registration)
        except Exception as exc:  # noqa: BLE001 (reported by the assertion below)
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=register, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    statuses = [r.status for r in results]
    assert statuses.count(RegistrationStatus.REGISTERED) == 1
    assert statuses.count(RegistrationStatus.WAITING) == THREADS - 1
    assert session.registrations.filter(status=RegistrationStatus.REGISTERED).count() == 2

    # The confirmation mails went out after each commit (one per registration).
    smtp_server.wait_for(THREADS + 1)
    smtp_server.messages.clear()

    winner = next(r for r in results if r.status == RegistrationStatus.REGISTERED)
    first_waiter = (
        session.registrations.filter(status=RegistrationStatus.WAITING).order_by("pk").first()
    )
    promoted = services.registration_cancel(registration=winner)
    assert [r.pk for r in promoted] == [first_waiter.pk]
    mails = smtp_server.wait_for(2)
    promotion = [m for m in mails if m["To"] == first_waiter.email]
    assert promotion, [m["To"] for m in mails]
    assert "plek vrijgekomen" in promotion[0]["Subject"]
    assert session.registrations.filter(status=RegistrationStatus.REGISTERED).count() == 2
