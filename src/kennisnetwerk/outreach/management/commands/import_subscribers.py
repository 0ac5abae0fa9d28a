"""Import a party's list of existing subscribers into a region's digest, as the web page does:
first the whole file is checked, then it is imported in one transaction, or not at all."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from kennisnetwerk.ecosystem.import_files import ImportFileError, read_source
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region
from kennisnetwerk.outreach.services_subscriber_import import subscribers_import


class Command(BaseCommand):
    help = "Import a party's list of subscribers (.xlsx or .csv) with a legal basis per row."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The spreadsheet (.xlsx or .csv).")
        parser.add_argument("--region", required=True, help="Name or short name of the region.")
        parser.add_argument(
            "--organisation", required=True, help="Name or short name of the party."
        )
        parser.add_argument("--dry-run", action="store_true", help="Only check; save nothing.")
        parser.add_argument(
            "--only-valid", action="store_true", help="Skip rows with errors; import the rest."
        )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._handle(**options)

    def _handle(self, *, file, region, organisation, dry_run=False, only_valid=False, **options):
        found = Region.objects.filter(Q(slug=region) | Q(name__iexact=region)).first()
        if found is None:
            raise CommandError(_("Unknown region: %(name)s.") % {"name": region})
        party = Organisation.objects.filter(
            Q(slug=organisation) | Q(name__iexact=organisation)
        ).first()
        if party is None:
            raise CommandError(_("Unknown organisation: %(name)s.") % {"name": organisation})
        try:
            content = read_source(Path(file))
        except ImportFileError as error:
            raise CommandError(error.message) from error
        result = subscribers_import(
            region=found,
            organisation=party,
            source=content,
            filename=Path(file).name,
            actor=None,
            only_valid=only_valid,
            dry_run=dry_run,
        )
        report = result.report
        for issue in report.file_errors:
            self.stderr.write(issue.message)
        for row in report.rows:
            for issue in row.errors:
                self.stderr.write(self._line(_("error"), row.number, issue))
            for issue in row.warnings:
                self.stdout.write(self._line(_("note"), row.number, issue))
        summary = _(
            "%(created)s new, %(suppressed)s unsubscribed or undeliverable (not added), "
            "%(existing)s already subscribed, %(duplicate)s duplicate, %(invalid)s with errors."
        ) % {
            "created": result.created,
            "suppressed": result.skipped_suppressed,
            "existing": result.skipped_existing,
            "duplicate": result.skipped_duplicate,
            "invalid": result.invalid,
        }
        if result.refused:
            raise CommandError(
                _("Nothing imported because of errors; use --only-valid to skip those rows.")
                + " "
                + summary
            )
        if dry_run:
            self.stdout.write(_("Check only, nothing saved: %(summary)s") % {"summary": summary})
        else:
            self.stdout.write(self.style.SUCCESS(_("Imported: %(summary)s") % {"summary": summary}))

    @staticmethod
    def _line(kind: str, number: int, issue) -> str:
        where = _("row %(row)s") % {"row": number}
        if issue.column:
            where = f"{where}, {issue.column}"
        return f"{where} ({kind}): {issue.message}"
