"""The platform's clock: runs the scheduled jobs (today: the digests) once a minute. `make
run` starts it next to the web server and the task worker; in production run it as a service,
or call `kennisnetwerk run_schedule --once` from cron."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from kennisnetwerk.core import hooks
from kennisnetwerk.outreach.schedule import schedule_tick


class Command(BaseCommand):
    help = "Run scheduled jobs (the daily digests) every minute, or once with --once."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One tick, then stop.")
        parser.add_argument("--interval", type=int, default=60, help="Seconds between ticks.")

    def handle(self, *args, once: bool, interval: int, **options):
        while True:
            with translation.override(settings.LANGUAGE_CODE):
                for name in schedule_tick():
                    self.stdout.write(_("Digest run queued for %(region)s.") % {"region": name})
                # The periodic jobs of other apps (e.g. the reminders of learning together).
                for tick in hooks.get_hooks("schedule_tick"):
                    for line in tick(None):
                        self.stdout.write(line)
            if once:
                return
            time.sleep(interval)
