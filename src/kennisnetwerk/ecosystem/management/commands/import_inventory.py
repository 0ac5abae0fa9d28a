from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kennisnetwerk.ecosystem.imports import ImportReport
from kennisnetwerk.ecosystem.permissions import access_inventory_import
from kennisnetwerk.ecosystem.services_import import InventoryImportResult, inventory_import
from kennisnetwerk.geo.models import Region


class Command(BaseCommand):
    help = (
        "Import a region's inventory from an Excel (.xlsx) or CSV file. Every row is checked "
        "first; with errors nothing is saved (unless --only-valid). Importing the same file "
        "again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The .xlsx or .csv file.")
        parser.add_argument(
            "--region", required=True, help="The region's name or short name (slug)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, but save nothing."
        )
        parser.add_argument(
            "--only-valid",
            action="store_true",
            help="Import the valid rows and skip the rows with errors.",
        )
        parser.add_argument(
            "--as",
            dest="as_email",
            metavar="EMAIL",
            help="Import on behalf of this person (a coordinator of the region or a "
            "facilitator); the audit log names them. Default: the system.",
        )

    def handle(self, *args, file: Path, region: str, dry_run, only_valid, as_email, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._handle(file, region, dry_run, only_valid, as_email, options["verbosity"])

    def _handle(self, file, region_name, dry_run, only_valid, as_email, verbosity):
        region = self._region(region_name)
        actor = self._actor(as_email, region)
        if not file.is_file():
            raise CommandError(_("File not found: %(file)s") % {"file": file})

        def progress(done: int, total: int) -> None:
            if verbosity >= 1 and total >= 1000:
                self.stdout.write(_("%(done)s of %(total)s rows saved…") % locals())

        try:
            result = inventory_import(
                source=file,
                filename=file.name,
                region=region,
                actor=actor,
                only_valid=only_valid,
                dry_run=dry_run,
                progress=progress,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self._print_report(result.report, verbosity)
        self.stdout.write(self._summary(result))
        if result.refused:
            if result.report.file_errors:
                reason = _("The file cannot be imported; nothing was saved.")
            elif only_valid:
                reason = _("No row is valid; nothing was saved.")
            else:
                reason = _(
                    "Nothing was saved because %(n)s rows have errors. Correct them, or use "
                    "--only-valid to import the valid rows."
                ) % {"n": result.report.count("invalid")}
            raise CommandError(reason)
        if dry_run:
            self.stdout.write(self.style.SUCCESS(_("Dry run: nothing was saved.")))
        elif result.saved:
            self.stdout.write(self.style.SUCCESS(_("Import done.")))
        else:
            self.stdout.write(
                self.style.SUCCESS(_("Nothing to change: the inventory is up to date."))
            )

    def _region(self, name: str) -> Region:
        matches = list(Region.objects.filter(Q(slug=name) | Q(name__iexact=name)))
        exact = [r for r in matches if r.slug == name]
        if exact:
            return exact[0]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise CommandError(_("Unknown region: %(name)s.") % {"name": name})
        raise CommandError(
            _("Several regions are called %(name)s; give the short name: %(slugs)s.")
            % {"name": name, "slugs": ", ".join(r.slug for r in matches)}
        )

    def _actor(self, email: str | None, region: Region):
        if not email:
            return None
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise CommandError(_("No active account with e-mail address %(email)s.") % locals())
        try:
            access_inventory_import(user, region.slug)
        except PermissionDenied as error:
            raise CommandError(
                _("%(email)s may not import into the inventory of %(region)s.")
                % {"email": email, "region": region.name}
            ) from error
        return user

    def _print_report(self, report: ImportReport, verbosity: int) -> None:
        details = []
        if report.format:
            details.append(
                _("Excel, sheet “%(sheet)s”") % {"sheet": report.sheet_name}
                if report.format == "xlsx"
                else _("CSV, %(encoding)s, separated by %(delimiter)s")
                % {"encoding": report.encoding, "delimiter": report.delimiter_name}
            )
        self.stdout.write(
            _("File %(file)s for the inventory of %(region)s")
            % {"file": report.filename, "region": report.region.name}
            + (f" ({details[0]})" if details else "")
        )
        for issue in report.file_errors:
            self.stdout.write(self.style.ERROR(_("Error: %(message)s") % vars(issue)))
        for issue in report.file_warnings:
            self.stdout.write(self.style.WARNING(_("Note: %(message)s") % vars(issue)))
        for row in report.rows:
            for issue, style, kind in [
                *((i, self.style.ERROR, _("error")) for i in row.errors),
                *((i, self.style.WARNING, _("note")) for i in row.warnings if verbosity >= 1),
            ]:
                place = {"row": row.number, "column": issue.column}
                where = (
                    _("Row %(row)s, column %(column)s") % place
                    if issue.column
                    else _("Row %(row)s") % place
                )
                self.stdout.write(style(f"{where}: {kind}: {issue.message}"))
            if verbosity >= 2 and row.action == "update":
                self.stdout.write(
                    _("Row %(row)s: changes %(fields)s")
                    % {"row": row.number, "fields": ", ".join(row.changed)}
                )

    def _summary(self, result: InventoryImportResult) -> str:
        counts = result.report.counts
        text = (
            _(
                "Summary: %(new)s new, %(update)s changed, %(unchanged)s unchanged, "
                "%(invalid)s with errors, %(duplicate)s duplicate, %(skipped)s skipped."
            )
            % counts
        )
        if result.organisations_created:
            n = result.organisations_created
            text += " " + ngettext("%(n)s new organisation.", "%(n)s new organisations.", n) % {
                "n": n
            }
        return text
