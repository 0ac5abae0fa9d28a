from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    name = "kennisnetwerk.needs"
    label = "needs"
    verbose_name = _("Demand and supply")

    def ready(self) -> None:
        from . import hooks_registration, notification_kinds  # noqa: F401
