from django.db.models import QuerySet

from .models import AuditLogEntry


def audit_log_list(
    *, action: str = "", actor: str = "", object_type: int | None = None, query: str = ""
) -> QuerySet[AuditLogEntry]:
    qs = AuditLogEntry.objects.select_related("content_type")
    if action:
        qs = qs.filter(action=action)
    if actor:
        qs = qs.filter(actor_label__icontains=actor)
    if object_type:
        qs = qs.filter(content_type_id=object_type)
    if query:
        qs = qs.filter(object_repr__icontains=query)
    return qs
