import datetime as dt

from django.http import HttpRequest
from django.template.loader import render_to_string

from kennisnetwerk.core import hooks, personal_data


@hooks.register("schedule_tick")
def notification_summaries(now: dt.datetime | None):
    """Daily (and on the weekly day) from NOTIFICATIONS_SUMMARY_HOUR: compose the summaries."""
    from .summaries import summaries_schedule_tick

    return summaries_schedule_tick(now)


@hooks.register("schedule_tick")
def notification_mail_retry(now: dt.datetime | None):
    """Mails that failed for now (or whose worker died) are sent again by the next tick."""
    from kennisnetwerk.core.outbox import waiting

    from .models import NotificationMail
    from .tasks import deliver_notification_mail

    count = waiting(NotificationMail).count()
    if not count:
        return []
    deliver_notification_mail.enqueue()
    return [f"notifications: {count} mails waiting, worker started"]


@hooks.register("dashboard_widgets", order=10)
def notifications_widget(request: HttpRequest):
    """A professional's latest notifications on their overview."""
    from .selectors import notifications_for, unread_count

    user = request.user
    if not user.is_authenticated:
        return None
    latest = list(notifications_for(user=user)[:5])
    if not latest and getattr(user, "entrepreneur_profile", None) is not None:
        return None
    return render_to_string(
        "notifications/dashboard_widget.html",
        {"latest": latest, "unread": unread_count(user=user)},
        request=request,
    )


for _field, _export, _erasure in (
    ("notifications.Notification.recipient", "notifications.notifications", "deleted"),
    (
        "notifications.Notification.actor",
        "not exported: those notifications belong to the people told",
        "the link to the person is removed",
    ),
    ("notifications.NotificationMail.recipient", "notifications.mails", "deleted"),
    ("notifications.Preference.user", "notifications.preferences", "deleted"),
    ("notifications.Follow.user", "notifications.follows", "deleted"),
):
    personal_data.rule(_field, export=_export, erasure=_erasure)


@hooks.register("personal_data_export")
def export_notifications(user):
    from .models import Follow, Notification, NotificationMail, Preference

    return "notifications", {
        "notifications": [
            {
                "time": n.created_at.isoformat(),
                "kind": n.kind,
                "title": n.title,
                "text": n.body,
                "link": n.url,
                "channel": n.channel,
                "read_at": n.read_at.isoformat() if n.read_at else None,
                "mailed_at": n.mailed_at.isoformat() if n.mailed_at else None,
            }
            for n in Notification.objects.filter(recipient=user).order_by("created_at", "id")
        ],
        "preferences": [
            {"kind": p.kind, "channel": p.channel}
            for p in Preference.objects.filter(user=user).order_by("kind")
        ],
        "follows": [
            {
                "object_type": f.target_type.model,
                "object": str(f.target_type.get_object_for_this_type(pk=f.target_id))
                if f.target_type.model_class()
                and f.target_type.model_class()._default_manager.filter(pk=f.target_id).exists()
                else None,
                "since": f.created_at.isoformat(),
            }
            for f in Follow.objects.filter(user=user).select_related("target_type")
        ],
        "mails": [
            {
                "to": m.to_email,
                "subject": m.subject,
                "status": m.status,
                "written_at": m.created_at.isoformat(),
                "sent_at": m.sent_at.isoformat() if m.sent_at else None,
            }
            for m in NotificationMail.objects.filter(recipient=user).order_by("created_at", "id")
        ],
    }


@hooks.register("personal_data_erase")
def erase_notifications(user):
    """Notifications, preferences, follows and notification mails of the person are removed;
    notifications about their acts lose the link to them."""
    from .services import personal_data_erase

    personal_data_erase(user=user)


@hooks.register("worker_started")
def release_notification_mail_claims() -> list[str]:
    """A task worker starts: notification mails claimed by workers that provably stopped go
    back to the outbox, to be sent now."""
    from django.utils.translation import ngettext

    from kennisnetwerk.core.outbox import claims_release_gone

    from .models import NotificationMail

    return [
        ngettext(
            "%(count)s notification mail claimed by worker %(worker)s, which has stopped, was "
            "given back to the outbox.",
            "%(count)s notification mails claimed by worker %(worker)s, which has stopped, were "
            "given back to the outbox.",
            released.count,
        )
        % {"count": released.count, "worker": released.worker}
        for released in claims_release_gone(NotificationMail)
    ]
