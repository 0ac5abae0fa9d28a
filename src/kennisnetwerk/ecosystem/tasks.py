"""Background jobs of the ecosystem app: thin wrappers around services."""

from django_tasks import task

from kennisnetwerk.core.stamps import OFFER, stamp_touch
from kennisnetwerk.search.services import search_documents_replace

from .models import InventoryImportJob
from .search_index import KIND, initiative_search_entries


@task()
def initiatives_search_refresh() -> None:
    """Bring the search documents of all initiatives up to date after a large import;
    documents whose text did not change are left alone."""
    search_documents_replace(kind=KIND, documents=initiative_search_entries())
    stamp_touch(name=OFFER)


@task()
def run_inventory_import(job_id: int) -> None:
    """Import the spreadsheet a person confirmed; the job page shows how far it is."""
    from .services_import import inventory_import_job_run

    job = InventoryImportJob.objects.select_related("region", "user").get(pk=job_id)
    inventory_import_job_run(job=job)
