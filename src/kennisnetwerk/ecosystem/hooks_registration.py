from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks
from kennisnetwerk.core.menu import MenuItem


@hooks.register("main_menu_items", order=10)
def atlas_item(request: HttpRequest) -> MenuItem:
    return MenuItem(_("Atlas"), reverse("ecosystem:atlas"), "atlas", 10)


@hooks.register("worker_started")
def recover_import_jobs() -> list[str]:
    """A task worker starts: imports whose worker died are marked failed."""
    from django.utils.translation import gettext as _

    from .services_import import inventory_import_jobs_recover

    failed = inventory_import_jobs_recover()
    return [
        _("Import %(job)s marked failed: its worker stopped.") % {"job": job.pk} for job in failed
    ]
