from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import EntrepreneurProfile, ErasureRequest, Invitation, Membership, RegionRole, User

# The admin logs in through the platform's own log-in, so the second factor applies there too.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("Kennisnetwerk administration")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


class RegionRoleInline(admin.TabularInline):
    model = RegionRole
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password", "full_name"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    filter_horizontal = []
    list_filter = ["is_staff", "is_active"]
    inlines = [MembershipInline, RegionRoleInline]


admin.site.register([Invitation, EntrepreneurProfile, ErasureRequest])
