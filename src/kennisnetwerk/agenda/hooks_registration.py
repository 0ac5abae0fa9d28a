import datetime as dt

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks, personal_data
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


personal_data.rule(
    "agenda.Action.contact",
    export="agenda.contact_for_actions",
    erasure="the person stops being the contact",
)
personal_data.rule(
    "agenda.ProgressUpdate.author",
    export="agenda.progress_updates",
    erasure="the author's link and name are removed; the text stays",
)
personal_data.rule(
    "agenda.AgendaVersion.frozen_by",
    export="agenda.versions_frozen",
    erasure="the link to the person is removed; the version stays",
)


@hooks.register("personal_data_export")
def export_agenda(user):
    from .models import Action, AgendaVersion, ProgressUpdate

    return "agenda", {
        "versions_frozen": [
            {"agenda": v.agenda.title, "version": v.number, "frozen_at": v.frozen_at.isoformat()}
            for v in AgendaVersion.objects.filter(frozen_by=user).select_related("agenda")
        ],
        "contact_for_actions": [
            {"agenda": a.agenda.title, "action": a.title, "owner": a.owner.name}
            for a in Action.objects.filter(contact=user).select_related("agenda", "owner")
        ],
        "progress_updates": [
            {
                "action": u.action.title,
                "date": u.created_at.isoformat(),
                "author_name": u.author_label,
                "text": u.text,
                "progress": u.progress,
                "status": u.status,
            }
            for u in ProgressUpdate.objects.filter(author=user).select_related("action")
        ],
    }


@hooks.register("personal_data_erase")
def erase_agenda(user):
    """The person stops being an action's contact (reminders go to the owner's members), and
    their progress updates lose the author's name; the texts stay with the agenda."""
    from .models import Action, ProgressUpdate

    Action.objects.filter(contact=user).update(contact=None)
    ProgressUpdate.objects.filter(author=user).update(author=None, author_label="")
    personal_data.unlink(user, "agenda.AgendaVersion.frozen_by")
