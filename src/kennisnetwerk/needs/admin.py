from django.contrib import admin

from .models import ThesaurusGroup


@admin.register(ThesaurusGroup)
class ThesaurusGroupAdmin(admin.ModelAdmin):
    """Network facilitators keep the network's default groups here (no region); regions'
    coordinators change their own groups on the thesaurus page of their region."""

    list_display = ["name", "region", "theme", "is_active"]
    list_filter = ["is_active", "theme"]
    search_fields = ["name", "terms"]
    autocomplete_fields = ["region"]
