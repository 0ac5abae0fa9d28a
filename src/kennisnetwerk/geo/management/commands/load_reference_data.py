from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kennisnetwerk.geo.reference_data import (
    DEFAULT_DATA_DIR,
    ReferenceDataError,
    reference_data_read,
)
from kennisnetwerk.geo.services import reference_data_apply


class Command(BaseCommand):
    help = (
        "Load provinces, COROP areas, municipalities, former municipality names, place names "
        "and SBI codes. Validates every file first; loads nothing if anything is wrong. "
        "Running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=DEFAULT_DATA_DIR,
            help="Folder with the CSV files (default: the shipped copy).",
        )

    def handle(self, *args, data_dir: Path, **options):
        try:
            data = reference_data_read(data_dir)
        except ReferenceDataError as error:
            raise CommandError(
                _("Reference data not loaded, nothing was changed:")
                + "\n  "
                + "\n  ".join(error.errors)
            ) from error
        report = reference_data_apply(data=data)
        for label in sorted(set(report.created) | set(report.updated) | set(report.unchanged)):
            self.stdout.write(
                f"{label}: {report.created[label]} new, {report.updated[label]} changed, "
                f"{report.unchanged[label]} unchanged"
            )
        if report.changed:
            self.stdout.write(self.style.SUCCESS(_("Reference data loaded.")))
        else:
            self.stdout.write(self.style.SUCCESS(_("Reference data was already up to date.")))
