"""Serve the platform for local use: the web server plus a background-task worker and the
schedule (daily digests), so that background and periodic jobs run without more commands.

Links in mails, feeds and calendar files are built from ``SITE_URL``. Unless it is set (in the
environment or in ``.env``), ``serve`` derives it from the address it serves on, so that
``make run PORT=8001`` mails links to port 8001; the worker and the schedule inherit it."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

DEFAULT_ADDRPORT = "127.0.0.1:8000"
# Addresses that mean "every interface" cannot be visited; links use the loopback name.
_WILDCARD_HOSTS = {"0.0.0.0", "0", "::", "[::]", ""}  # noqa: S104 (compared, not bound)


def site_url_for(addrport: str) -> str:
    """The address people reach the server on, for ``runserver``'s ``[host:]port``."""
    host, _sep, port = addrport.rpartition(":")
    if not port.isdigit():
        host, port = addrport, "8000"
    if not host and addrport.isdigit():
        host = "127.0.0.1"
    if host in _WILDCARD_HOSTS:
        host = "localhost"
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"  # a bare IPv6 address
    return f"http://{host}:{port}"


class Command(BaseCommand):
    help = "Run the development web server together with the background-task worker."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default=DEFAULT_ADDRPORT)
        parser.add_argument("--noreload", action="store_true")

    def handle(self, *args, addrport: str, noreload: bool, **options):
        if not os.environ.get("SITE_URL"):
            # The environment (and .env, read by the settings) did not set it: the children
            # (worker, schedule, the reloader's server process) get it through the environment.
            os.environ["SITE_URL"] = settings.SITE_URL = site_url_for(addrport)
        self.stdout.write(f"SITE_URL: {settings.SITE_URL}")
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
