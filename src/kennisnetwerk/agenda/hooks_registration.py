import datetime as dt

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks
from kennisnetwerk.core.menu import MenuItem


@hooks.register("main_menu_items", order=40)
def agenda_item(request: HttpRequest) -> MenuItem:
    """The DOE agendas take the place of the "doe-agenda" placeholder."""
    return MenuItem(_("DOE agenda"), reverse("agenda:index"), "doe-agenda", 40)


@hooks.register("schedule_tick")
def agenda_reminders(now: dt.datetime | None):
    """Daily, from AGENDA_REMINDER_HOUR: remind the owners of overdue and stale actions (each
    action at most once per AGENDA_REMINDER_DAYS, so later ticks of the day send nothing)."""
    from .services import reminders_send

    now = now or timezone.now()
    if timezone.localtime(now).hour < settings.AGENDA_REMINDER_HOUR:
        return []
    reminded = reminders_send(now=now)
    return [f"DOE agenda: {reminded} reminders of overdue or stale actions"] if reminded else []


@hooks.register("dashboard_widgets", order=40)
def agenda_widget(request: HttpRequest):
    """For coordinators: overdue and stale actions of their regions' agendas. For members of
    a party with actions or commitments: the link to "our commitments"."""
    from .permissions import user_organisations
    from .selectors import actions_needing_attention, attention_regions, our_commitments_count

    user = request.user
    if not user.is_authenticated:
        return None
    regions = attention_regions(user)
    now = timezone.now()
    attention = actions_needing_attention(now=now, regions=regions) if regions is not None else []
    commitments = our_commitments_count(user_organisations(user))
    if regions is None and not commitments:
        return None
    today = timezone.localdate(now)
    return render_to_string(
        "agenda/dashboard_widget.html",
        {
            "coordinator": regions is not None,
            "attention": attention[:10],
            "more": max(0, len(attention) - 10),
            "today": today,
            "commitments": commitments,
        },
        request=request,
    )
