from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from .models import EntrepreneurProfile, ErasureRequest, Invitation, Membership, RegionRole, User
from .services import facilitator_group_sync

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

    # Network facilitators (through their group) may appoint other facilitators: they see a
    # person's name and address and change only the facilitator role. Passwords, technical
    # administrators and the superuser flag stay with technical administrators.
    facilitator_fieldsets = [
        (None, {"fields": ["email", "full_name"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            return self.facilitator_fieldsets
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            return ["email", "full_name", "is_active"]
        return super().get_readonly_fields(request, obj)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The facilitator role and its group in the administration change together.
        facilitator_group_sync(user=obj)


admin.site.register([Invitation, EntrepreneurProfile, ErasureRequest])
