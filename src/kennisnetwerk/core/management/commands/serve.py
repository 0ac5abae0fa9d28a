"""Serve the platform for local use: the web server plus a background-task worker, so that
background jobs run without a second command."""

import os
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the development web server together with the background-task worker."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--noreload", action="store_true")

    def handle(self, *args, addrport: str, noreload: bool, **options):
        worker = None
        # With the auto-reloader, Django re-runs this command in a child process (RUN_MAIN);
        # only the outer process starts the worker.
        if os.environ.get("RUN_MAIN") != "true":
            worker = subprocess.Popen(  # noqa: S603
                [sys.executable, "-m", "kennisnetwerk", "db_worker", "--interval", "1"],
                env=os.environ.copy(),
            )
            self.stdout.write(f"Achtergrondtaken: worker gestart (pid {worker.pid}).")
        try:
            call_command("runserver", addrport, use_reloader=not noreload)
        finally:
            if worker is not None:
                worker.terminate()
                try:
                    worker.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()
