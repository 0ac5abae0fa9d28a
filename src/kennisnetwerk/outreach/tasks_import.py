"""Background job of the subscriber import: the welcome mail that tells an imported address
which party added it, on which basis, and how to change or stop it."""

from django_tasks import task

from .constants import SubscriberStatus
from .links import Purpose, subscriber_url
from .mail import build_mail, render_mail
from .models import Subscriber
from .services_digest import digest_headers


@task()
def send_imported_welcome_mail(subscriber_id: int) -> None:
    subscriber = (
        Subscriber.objects.select_related("region", "source_organisation")
        .filter(pk=subscriber_id)
        .first()
    )
    # Erased, unsubscribed or bounced in the meantime: nothing more is sent.
    if subscriber is None or subscriber.status != SubscriberStatus.ACTIVE:
        return
    subject, text, html = render_mail(
        "imported",
        {
            "subscriber": subscriber,
            "region": subscriber.region,
            "organisation": subscriber.source_organisation,
            "legal_basis": subscriber.get_legal_basis_display(),
            "preferences_url": subscriber_url(subscriber, Purpose.PREFERENCES),
            "unsubscribe_url": subscriber_url(subscriber, Purpose.UNSUBSCRIBE),
        },
    )
    build_mail(
        region=subscriber.region,
        to=subscriber.email,
        subject=subject,
        text=text,
        html=html,
        headers=digest_headers(subscriber),
    ).send()
