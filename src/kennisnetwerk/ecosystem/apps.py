from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "kennisnetwerk.ecosystem"
    label = "ecosystem"
    verbose_name = _("Who does what")

    def ready(self) -> None:
        from kennisnetwerk.search import registry

        from . import hooks_registration  # noqa: F401
        from .search_index import KIND, initiative_search_entries

        registry.register(KIND, initiative_search_entries)
