"""Serve the platform for local use: the web server plus a background-task worker and the
schedule (daily digests), so that background and periodic jobs run without more commands."""

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
        helpers = []
        # With the auto-reloader, Django re-runs this command in a child process (RUN_MAIN);
        # only the outer process starts the worker and the schedule.
        if os.environ.get("RUN_MAIN") != "true":
            for args in (["db_worker", "--interval", "1"], ["run_schedule"]):
                process = subprocess.Popen(  # noqa: S603
                    [sys.executable, "-m", "kennisnetwerk", *args], env=os.environ.copy()
                )
                helpers.append(process)
                self.stdout.write(f"{args[0]}: gestart (pid {process.pid}).")
        try:
            call_command("runserver", addrport, use_reloader=not noreload)
        finally:
            for process in helpers:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
