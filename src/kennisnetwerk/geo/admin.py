from django.contrib import admin

from .models import (
    CoropArea,
    Municipality,
    MunicipalityAlias,
    PlaceName,
    Province,
    Region,
    SbiCode,
    SbiSection,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "source_code"]
    list_filter = ["kind"]
    search_fields = ["name"]
    filter_horizontal = ["municipalities"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "corop_area", "province", "is_current"]
    list_filter = ["province", "is_current"]
    search_fields = ["name", "code"]


admin.site.register([Province, CoropArea, MunicipalityAlias, PlaceName, SbiSection, SbiCode])
