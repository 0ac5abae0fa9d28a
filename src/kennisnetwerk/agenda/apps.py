from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "kennisnetwerk.agenda"
    label = "agenda"
    verbose_name = _("DOE agenda")

    def ready(self) -> None:
        from . import hooks_registration, notification_kinds  # noqa: F401
