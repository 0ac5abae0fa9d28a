from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kennisnetwerk.search import registry
from kennisnetwerk.search.services import search_index_rebuild


class Command(BaseCommand):
    help = (
        "Index every object of the registered kinds again (initiatives, organisations…). "
        "Unchanged documents are left alone; documents of objects that are gone are removed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            dest="kinds",
            metavar="KIND",
            help="Only this kind; may be given more than once (default: every registered kind).",
        )

    def handle(self, *args, kinds: list[str] | None, **options):
        registered = registry.registered_kinds()
        unknown = sorted(set(kinds or []) - set(registered))
        if unknown:
            raise CommandError(
                _("Unknown kind: %(unknown)s. Registered kinds: %(registered)s.")
                % {"unknown": ", ".join(unknown), "registered": ", ".join(registered) or "-"}
            )
        if not registered:
            self.stdout.write(_("No kinds are registered for the search index."))
            return
        for kind, report in search_index_rebuild(kinds=kinds).items():
            self.stdout.write(
                _(
                    "%(kind)s: %(created)d new, %(updated)d changed, %(deleted)d removed, "
                    "%(unchanged)d unchanged"
                )
                % {"kind": kind, **vars(report)}
            )
        self.stdout.write(self.style.SUCCESS(_("Search index rebuilt.")))
