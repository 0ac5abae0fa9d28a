"""The database task worker of django-tasks-db, which first recovers what workers that died
left behind: every app's ``worker_started`` hook marks its jobs whose worker provably stopped
as failed and gives back the work they had claimed (see ``core/jobs.py``)."""

from django.conf import settings
from django.utils import translation
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from kennisnetwerk.core import hooks


def worker_started() -> list[str]:
    """Run the recovery of every app; returns what each did, for the worker's log."""
    lines: list[str] = []
    with translation.override(settings.LANGUAGE_CODE):
        for recover in hooks.get_hooks("worker_started"):
            lines.extend(recover())
    return lines


class Command(DatabaseWorkerCommand):
    help = (
        "Run the database background worker; on start it recovers the jobs and claims of "
        "workers that stopped."
    )

    def handle(self, *args, **options):
        for line in worker_started():
            self.stdout.write(line)
        return super().handle(*args, **options)
