"""``{% notification_count %}`` for the header and ``{% follow_button obj %}`` for the pages of
programmes, threads, themes and regions."""

from django import template

from ..selectors import is_following, unread_count
from ..views import poll_seconds

register = template.Library()


@register.inclusion_tag("notifications/header_count.html", takes_context=True)
def notification_count(context) -> dict:
    user = context["request"].user
    return {"unread": unread_count(user=user), "poll_seconds": poll_seconds()}


@register.inclusion_tag("notifications/follow_button.html", takes_context=True)
def follow_button(context, target) -> dict:
    return {
        "target": target,
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def follow_state(context, target):
    """True/False whether the person follows ``target``; None when they cannot (anonymous)."""
    user = context["request"].user
    if not user.is_authenticated:
        return None
    return is_following(user=user, target=target)


@register.filter
def follow_label(target) -> str:
    return target._meta.label_lower
