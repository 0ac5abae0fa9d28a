from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "kennisnetwerk.outreach"
    label = "outreach"
    verbose_name = _("One voice to the entrepreneur")

    def ready(self) -> None:
        from . import hooks_registration, notification_kinds  # noqa: F401
