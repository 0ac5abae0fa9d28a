"""Background jobs of the ecosystem app: thin wrappers around services."""

from django_tasks import task

from kennisnetwerk.search.services import search_documents_replace

from .search_index import KIND, initiative_search_entries


@task()
def initiatives_search_refresh() -> None:
    """Bring the search documents of all initiatives up to date after a large import;
    documents whose text did not change are left alone."""
    search_documents_replace(kind=KIND, documents=initiative_search_entries())
