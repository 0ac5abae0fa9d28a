"""Personal API tokens: created with the token shown once, checked by hash, revoked."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.models import AuditAction

from .models import ApiToken

TOKEN_PREFIX = "kn_"  # noqa: S105 (a marker, not a secret)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: Any, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns the stored token and the secret to show once."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=secret[:8], key_hash=_hash(secret))
    audit_log(actor=user, action=AuditAction.CREATE, obj=token, changes={"name": [None, name]})
    return token, secret


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: Any) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
        audit_log(actor=actor, action=AuditAction.DELETE, obj=token, message="revoked")


def api_token_authenticate(secret: str) -> Any | None:
    """The active person a token belongs to, or None."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
