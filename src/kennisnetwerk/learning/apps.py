from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "kennisnetwerk.learning"
    label = "learning"
    verbose_name = _("Learning together")

    def ready(self) -> None:
        from kennisnetwerk.search import registry

        from . import hooks_registration, notification_kinds  # noqa: F401
        from .search_index import (
            LESSON_KIND,
            PRACTICE_KIND,
            lesson_search_entries,
            practice_search_entries,
        )

        registry.register(PRACTICE_KIND, practice_search_entries)
        registry.register(LESSON_KIND, lesson_search_entries)
