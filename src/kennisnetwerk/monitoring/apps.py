from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "kennisnetwerk.monitoring"
    label = "monitoring"
    verbose_name = _("Reach and results")

    def ready(self) -> None:
        from . import hooks_registration, notification_kinds  # noqa: F401
