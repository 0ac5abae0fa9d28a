from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "kennisnetwerk.ecosystem"
    label = "ecosystem"
    verbose_name = _("Who does what")

    def ready(self) -> None:
        from . import hooks_registration  # noqa: F401
