"""Template filters for links to the inventory import, so that pages of other views can show
them only to people who may import."""

from typing import Any

from django import template

from kennisnetwerk.ecosystem.permissions import can_import_inventory as _can_import

register = template.Library()


@register.filter
def can_import_inventory(user: Any) -> bool:
    return bool(user and user.is_authenticated and _can_import(user))
