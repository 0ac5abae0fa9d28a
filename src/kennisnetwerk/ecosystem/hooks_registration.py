from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks, personal_data
from kennisnetwerk.core.menu import MenuItem

personal_data.rule(
    "ecosystem.OverlapDecision.decided_by",
    export="ecosystem.overlap_decisions",
    erasure="the link to the person is removed; the decision stays",
)
personal_data.rule(
    "ecosystem.InventoryImportJob.user",
    export="ecosystem.import_jobs",
    erasure="finished imports are deleted (the uploaded file expires with the staging area)",
)


@hooks.register("personal_data_export")
def export_ecosystem(user):
    from .models import InventoryImportJob, OverlapDecision

    return "ecosystem", {
        "overlap_decisions": [
            {
                "first": d.first.title,
                "second": d.second.title,
                "note": d.note,
                "decided_at": d.created_at.isoformat(),
            }
            for d in OverlapDecision.objects.filter(decided_by=user).select_related(
                "first", "second"
            )
        ],
        "import_jobs": [
            {
                "region": j.region.name,
                "file": j.filename,
                "status": j.status,
                "started_at": j.created_at.isoformat(),
            }
            for j in InventoryImportJob.objects.filter(user=user).select_related("region")
        ],
    }


@hooks.register("personal_data_erase")
def erase_ecosystem(user):
    from .models import ImportJobStatus, InventoryImportJob

    InventoryImportJob.objects.filter(
        user=user, status__in=[ImportJobStatus.DONE, ImportJobStatus.FAILED]
    ).delete()
    personal_data.unlink(user, "ecosystem.OverlapDecision.decided_by")


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
