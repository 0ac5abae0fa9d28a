from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks, personal_data
from kennisnetwerk.core.menu import MenuItem

from .models import Subscriber
from .services import subscriber_erase


def _subscriptions(user):
    return Subscriber.objects.filter(email__iexact=user.email).select_related("region")


KEPT = "the link to the person is removed; the record stays with the region's channel"
personal_data.rule("outreach.Message.submitted_by", export="messages_submitted", erasure=KEPT)
personal_data.rule("outreach.Message.reviewed_by", export="messages_reviewed", erasure=KEPT)
personal_data.rule("outreach.DigestRun.started_by", export="digest_runs_started", erasure=KEPT)


@hooks.register("personal_data_export")
def export_messages_submitted(user):
    from .models import Message

    return "messages_submitted", [
        {
            "region": m.region.name,
            "sender": m.sender.name if m.sender_id else None,
            "kind": m.kind,
            "title": m.title,
            "text": m.body,
            "status": m.status,
            "valid_from": m.valid_from.isoformat(),
            "valid_until": m.valid_until.isoformat(),
            "submitted_at": m.created_at.isoformat(),
        }
        for m in Message.objects.filter(submitted_by=user).select_related("region", "sender")
    ]


@hooks.register("personal_data_export")
def export_messages_reviewed(user):
    from .models import Message

    return "messages_reviewed", [
        {"region": m.region.name, "title": m.title, "status": m.status}
        for m in Message.objects.filter(reviewed_by=user).select_related("region")
    ]


@hooks.register("personal_data_export")
def export_digest_runs(user):
    from .models import DigestRun

    return "digest_runs_started", [
        {
            "region": r.region.name,
            "period": f"{r.period_start.isoformat()}/{r.period_end.isoformat()}",
            "status": r.status,
        }
        for r in DigestRun.objects.filter(started_by=user).select_related("region")
    ]


@hooks.register("personal_data_export")
def export_subscriptions(user):
    return "subscriptions", [
        {
            "region": s.region.name,
            "email": s.email,
            "company_name": s.company_name,
            "kvk_number": s.kvk_number,
            "status": s.status,
            "frequency": s.frequency,
            "themes": sorted(t.name for t in s.themes.all()),
            "consents": [
                {"event": c.event, "at": c.created_at.isoformat(), "text": c.text}
                for c in s.consents.all()
            ],
        }
        for s in _subscriptions(user)
    ]


@hooks.register("personal_data_erase")
def erase_subscriptions(user):
    for subscriber in _subscriptions(user):
        subscriber_erase(subscriber=subscriber)
    personal_data.unlink(
        user,
        "outreach.Message.submitted_by",
        "outreach.Message.reviewed_by",
        "outreach.DigestRun.started_by",
    )


@hooks.register("main_menu_items", order=20)
def calendar_item(request: HttpRequest) -> MenuItem:
    """The joint calendars take the place of the "kalender" placeholder."""
    return MenuItem(_("Calendar"), reverse("outreach:index"), "kalender", 20)


@hooks.register("dashboard_widgets", order=30)
def editorial_queue_widget(request: HttpRequest):
    """For the editors of a region's channel: how many messages wait in each queue."""
    from django.template.loader import render_to_string

    from .selectors_messages import queue_counts

    counts = queue_counts(request.user)
    if counts is None:
        return None
    return render_to_string("outreach/widgets/queue.html", {"regions": counts}, request=request)


@hooks.register("worker_started")
def release_claims_of_stopped_workers() -> list[str]:
    """A task worker starts: mails claimed by workers that provably stopped go back to the
    outbox, to be sent now."""
    from django.utils.translation import ngettext

    from .delivery import outbox_claims_release_gone

    return [
        ngettext(
            "%(count)s mail claimed by worker %(worker)s, which has stopped, was given back "
            "to the outbox.",
            "%(count)s mails claimed by worker %(worker)s, which has stopped, were given back "
            "to the outbox.",
            released.count,
        )
        % {"count": released.count, "worker": released.worker}
        for released in outbox_claims_release_gone()
    ]
