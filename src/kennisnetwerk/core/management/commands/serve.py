"""Serve the platform: the production WSGI server gunicorn, plus a background-task worker and
the schedule (daily digests), so that background and periodic jobs run without more commands.

gunicorn runs ``WEB_CONCURRENCY`` worker processes with ``WEB_THREADS`` threads each (gthread),
writes its access log to stdout and stops gracefully on SIGTERM (requests in progress get
``WEB_GRACEFUL_TIMEOUT`` seconds); the worker and the schedule stop with it. Static files are
served by whitenoise: from the source folders with ``DEBUG`` on, otherwise from ``STATIC_ROOT``,
which ``serve`` fills (``collectstatic``) before starting. ``--dev`` runs Django's auto-reloading
development server instead.

Links in mails, feeds and calendar files are built from ``SITE_URL``. Unless it is set (in the
environment or in ``.env``), ``serve`` derives it from the address it serves on, so that
``make run PORT=8001`` mails links to port 8001; the worker and the schedule inherit it."""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

DEFAULT_ADDRPORT = "127.0.0.1:8000"
# Addresses that mean "every interface" cannot be visited; links use the loopback name.
_WILDCARD_HOSTS = {"0.0.0.0", "0", "::", "[::]", ""}  # noqa: S104 (compared, not bound)


def _split(addrport: str) -> tuple[str, str]:
    host, _sep, port = addrport.rpartition(":")
    if not port.isdigit() or (host and ":" in host and not host.startswith("[")):
        # "host" alone, or a bare IPv6 address without a port
        host, port = addrport, "8000"
    if not host and addrport.isdigit():
        host = "127.0.0.1"
    return host, port


def site_url_for(addrport: str) -> str:
    """The address people reach the server on, for ``serve``'s ``[host:]port``."""
    host, port = _split(addrport)
    if host in _WILDCARD_HOSTS:
        host = "localhost"
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"  # a bare IPv6 address
    return f"http://{host}:{port}"


def bind_for(addrport: str) -> str:
    """gunicorn's ``bind`` for ``[host:]port``."""
    host, port = _split(addrport)
    if host in {"", "0"}:
        host = "0.0.0.0"  # noqa: S104 (what the person asked for)
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{host}:{port}"


def gunicorn_options(addrport: str) -> dict:
    return {
        "bind": [bind_for(addrport)],
        "worker_class": "gthread",
        "workers": settings.WEB_CONCURRENCY,
        "threads": settings.WEB_THREADS,
        "timeout": settings.WEB_TIMEOUT,
        "graceful_timeout": settings.WEB_GRACEFUL_TIMEOUT,
        "accesslog": "-",
        "errorlog": "-",
        "proc_name": "kennisnetwerk",
        # No management socket in the home folder: several servers may run side by side.
        "control_socket_disable": True,
    }


def run_gunicorn(options: dict) -> None:
    from gunicorn.app.base import BaseApplication

    class Application(BaseApplication):
        def load_config(self):
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            # Loaded in each worker process, with the settings this command runs with.
            from django.core.wsgi import get_wsgi_application

            return get_wsgi_application()

    Application().run()


class Command(BaseCommand):
    help = (
        "Run the web server (gunicorn) together with the background-task worker and the "
        "schedule; --dev runs the auto-reloading development server instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default=DEFAULT_ADDRPORT)
        parser.add_argument(
            "--noreload", action="store_true", help="With --dev: do not reload on code changes."
        )
        parser.add_argument(
            "--dev",
            action="store_true",
            help="Django's development server (runserver) instead of gunicorn.",
        )

    def handle(self, *args, addrport: str, noreload: bool, dev: bool, **options):
        if not os.environ.get("SITE_URL"):
            # The environment (and .env, read by the settings) did not set it: the children
            # (worker, schedule, the reloader's server process) get it through the environment.
            os.environ["SITE_URL"] = settings.SITE_URL = site_url_for(addrport)
        self.stdout.write(f"SITE_URL: {settings.SITE_URL}")
        if not dev and not settings.DEBUG:
            # whitenoise serves STATIC_ROOT when DEBUG is off.
            call_command("collectstatic", interactive=False, verbosity=0)
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
        main_pid = os.getpid()
        try:
            if dev:
                # Stop (and stop the helpers) on SIGTERM too, not only on Ctrl+C.
                signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
                call_command("runserver", addrport, use_reloader=not noreload)
            else:
                options = gunicorn_options(addrport)
                self.stdout.write(
                    f"gunicorn: {options['bind'][0]}, {options['workers']} processen × "
                    f"{options['threads']} threads (WEB_CONCURRENCY, WEB_THREADS)."
                )
                if options["workers"] > 1 and "locmem" in settings.CACHES["default"]["BACKEND"]:
                    self.stderr.write(
                        "Let op: elk proces heeft een eigen cache (LocMemCache), dus ook eigen "
                        "tellers voor inlogpogingen; zet CACHE_BACKEND op een gedeelde cache."
                    )
                self.stdout.flush()
                # The worker processes open their own database connections.
                connections.close_all()
                run_gunicorn(options)
        finally:
            # gunicorn's worker processes are forks of this one and leave through here too;
            # only the process that started the helpers stops them.
            if os.getpid() == main_pid:
                for process in helpers:
                    process.terminate()
                    try:
                        process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        process.kill()
