"""Run one period of a region's digest by hand: compose (or continue) today's run and send
its outbox. The schedule in the default set-up runs the same for every region.

After a crash it first gives back the mails claimed by a worker that provably stopped (and
sends them), and at the end it reports the mails still claimed by another worker and not
sent, with the moment they will be retried."""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kennisnetwerk.core.formatting import format_datetime
from kennisnetwerk.geo.models import Region
from kennisnetwerk.outreach.delivery import (
    outbox_claims_pending,
    outbox_claims_release_gone,
    outbox_deliver,
)
from kennisnetwerk.outreach.services import subscribers_resume_due
from kennisnetwerk.outreach.services_digest import (
    digest_preview,
    digest_run_compose,
    digest_run_start,
    subscriber_count,
)


class Command(BaseCommand):
    help = "Compose and send the digests of a region for today (or --date)."

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="Name or short name of the region.")
        parser.add_argument("--date", help="The day of the run (YYYY-MM-DD); default today.")
        parser.add_argument(
            "--preview", action="store_true", help="Only show which messages would go to how many."
        )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._handle(**options)

    def _handle(self, *, region, date=None, preview=False, **options):
        found = Region.objects.filter(Q(slug=region) | Q(name__iexact=region)).first()
        if found is None:
            raise CommandError(_("Unknown region: %(name)s.") % {"name": region})
        try:
            today = dt.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as exc:
            raise CommandError(_("Enter the date as YYYY-MM-DD.")) from exc
        subscribers_resume_due(today=today)
        if subscriber_count(region=found) == 0:
            self.stdout.write(
                _("%(region)s has no active subscribers; nothing to send.") % {"region": found.name}
            )
            return
        if preview:
            for message, count in digest_preview(region=found, today=today):
                self.stdout.write(f"{count:>7}  {message.title}")
            return
        for released in outbox_claims_release_gone():
            self.stdout.write(
                ngettext(
                    "%(count)s mail claimed by worker %(worker)s, which has stopped, was given "
                    "back to the outbox and is sent now.",
                    "%(count)s mails claimed by worker %(worker)s, which has stopped, were given "
                    "back to the outbox and are sent now.",
                    released.count,
                )
                % {"count": released.count, "worker": released.worker}
            )
        run = digest_run_start(region=found, today=today)
        counts = digest_run_compose(run=run)
        result = outbox_deliver(run=run)
        self.stdout.write(
            _(
                "%(region)s, %(date)s: %(due)s subscribers due, %(composed)s digests composed, "
                "%(empty)s without matching items; sent %(sent)s, undeliverable %(bounced)s, "
                "to retry %(failed)s."
            )
            % {
                "region": found.name,
                "date": today.isoformat(),
                "due": counts.get("due", 0),
                "composed": counts.get("composed", 0),
                "empty": counts.get("empty", 0),
                "sent": result.sent,
                "bounced": result.bounced,
                "failed": result.failed,
            }
        )
        for pending in outbox_claims_pending(run=run):
            self.stdout.write(
                ngettext(
                    "%(count)s mail is claimed by worker %(worker)s but not sent; unless that "
                    "worker sends it, it will be retried from %(time)s.",
                    "%(count)s mails are claimed by worker %(worker)s but not sent; unless that "
                    "worker sends them, they will be retried from %(time)s.",
                    pending.count,
                )
                % {
                    "count": pending.count,
                    "worker": pending.worker,
                    "time": format_datetime(pending.retry_from, "long"),
                }
            )
