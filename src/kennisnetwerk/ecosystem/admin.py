from django.contrib import admin

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "municipality", "kvk_number"]
    list_filter = ["type"]
    search_fields = ["name", "kvk_number"]
    autocomplete_fields = ["municipality"]
    prepopulated_fields = {"slug": ["name"]}
