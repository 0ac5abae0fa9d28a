"""The audit log's recorded changes as rows people can read."""

from django import template

from ..audit_display import ChangeRow, audit_change_rows
from ..models import AuditLogEntry

register = template.Library()


@register.filter
def audit_rows(entry: AuditLogEntry) -> list[ChangeRow]:
    return audit_change_rows(entry)
