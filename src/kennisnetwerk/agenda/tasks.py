"""Background jobs of the DOE agenda: thin wrappers that load by id and mail."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from kennisnetwerk.core.mail import render_plain, render_subject
from kennisnetwerk.outreach.mail import build_mail

from .models import Action
from .selectors import is_overdue, is_stale


def reminder_recipients(action: Action) -> list[str]:
    if action.contact_id and action.contact.is_active:
        return [action.contact.email]
    return sorted(
        {m.user.email for m in action.owner.memberships.select_related("user") if m.user.is_active}
    )


@task()
def send_action_reminder(action_id: int) -> int:
    """Mail the owner of an overdue or stale action; returns the number of mails sent."""
    action = Action.objects.select_related("agenda__region", "owner", "contact").get(pk=action_id)
    now = timezone.now()
    context = {
        "action": action,
        "agenda": action.agenda,
        "overdue": is_overdue(action, timezone.localdate(now)),
        "stale": is_stale(action, now),
        "url": settings.SITE_URL.rstrip("/") + reverse("agenda:action", args=[action.pk]),
        "network_name": settings.NETWORK_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_subject("agenda/email/reminder_subject.txt", context)
        text = render_plain("agenda/email/reminder.txt", context)
        html = render_to_string("agenda/email/reminder.html", context)
    sent = 0
    for address in reminder_recipients(action):
        build_mail(
            region=action.agenda.region, to=address, subject=subject, text=text, html=html
        ).send()
        sent += 1
    return sent
