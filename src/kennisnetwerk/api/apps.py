from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "kennisnetwerk.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        from . import hooks_registration  # noqa: F401
