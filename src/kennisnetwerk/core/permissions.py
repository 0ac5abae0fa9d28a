"""Access checks of core resources."""

from typing import Any

from django.core.exceptions import PermissionDenied


def is_network_facilitator(user: Any) -> bool:
    """Network facilitators (netwerkbegeleiders) are the platform's staff."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def access_audit_log(user: Any) -> None:
    """Only network facilitators read the audit log."""
    if not is_network_facilitator(user):
        raise PermissionDenied
