from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "kennisnetwerk.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from . import hooks_live, hooks_registration, notification_kinds  # noqa: F401
