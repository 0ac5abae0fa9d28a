"""Background jobs of outreach: thin wrappers that load by id and mail or call a service."""

from django_tasks import task

from .links import Purpose, subscriber_url
from .mail import build_mail, render_mail
from .models import Subscriber


@task()
def send_confirmation_mail(subscriber_id: int) -> None:
    subscriber = Subscriber.objects.select_related("region").get(pk=subscriber_id)
    subject, text, html = render_mail(
        "confirm",
        {
            "subscriber": subscriber,
            "region": subscriber.region,
            "url": subscriber_url(subscriber, Purpose.CONFIRM),
        },
    )
    build_mail(
        region=subscriber.region, to=subscriber.email, subject=subject, text=text, html=html
    ).send()


@task()
def send_already_subscribed_mail(subscriber_id: int) -> None:
    subscriber = Subscriber.objects.select_related("region").get(pk=subscriber_id)
    subject, text, html = render_mail(
        "already_subscribed",
        {
            "subscriber": subscriber,
            "region": subscriber.region,
            "url": subscriber_url(subscriber, Purpose.PREFERENCES),
        },
    )
    build_mail(
        region=subscriber.region, to=subscriber.email, subject=subject, text=text, html=html
    ).send()


@task()
def send_region_digests(region_id: int, day: str) -> dict:
    """One period of one region: compose (or continue) the run of ``day`` and send it."""
    import datetime as dt

    from kennisnetwerk.geo.models import Region

    from .delivery import outbox_claims_release_gone, outbox_deliver
    from .services import subscribers_resume_due
    from .services_digest import digest_run_compose, digest_run_start

    today = dt.date.fromisoformat(day)
    region = Region.objects.get(pk=region_id)
    subscribers_resume_due(today=today)
    outbox_claims_release_gone()
    run = digest_run_start(region=region, today=today)
    counts = digest_run_compose(run=run)
    result = outbox_deliver(run=run)
    return {**counts, "sent": result.sent, "bounced": result.bounced, "failed": result.failed}


@task()
def notify_editors_of_submission(message_id: int) -> None:
    """Tell the region's editors that a message waits in their queue, and whether it looks
    like one they have already (a notification; by mail at once unless they chose otherwise)."""
    from .notify import message_submitted_notify

    message_submitted_notify(message_id=message_id)
