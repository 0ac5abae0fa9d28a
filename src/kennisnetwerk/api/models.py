from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.models import TimeStampedModel


class ApiToken(TimeStampedModel):
    """A personal API token. Only a hash is stored; the token itself is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for."))
    prefix = models.CharField(_("first characters"), max_length=8)
    key_hash = models.CharField(_("hash"), max_length=64, unique=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
