"""Background jobs go through the database-backed queue and the worker runs them."""

import pytest
from django.core.management import call_command

from kennisnetwerk.accounts.models import ErasureRequest, User
from kennisnetwerk.accounts.services import erasure_request
from kennisnetwerk.accounts.tests.factories import UserFactory


@pytest.fixture
def database_queue(settings):
    # django-tasks resets its backends when the setting changes.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


@pytest.mark.django_db(transaction=True)
def test_erasure_is_queued_and_carried_out_by_the_worker(database_queue, reference_data):
    from django_tasks_db.models import DBTaskResult

    user = UserFactory(email="weg@voorbeeld.example")
    request = erasure_request(user=user)
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY"
    assert User.objects.get(pk=user.pk).email == "weg@voorbeeld.example"  # not yet erased

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL", queued.traceback
    assert User.objects.get(pk=user.pk).email == f"verwijderd-{user.pk}@invalid"
    assert ErasureRequest.objects.get(pk=request.pk).status == "done"
