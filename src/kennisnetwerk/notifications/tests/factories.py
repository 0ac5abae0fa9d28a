"""Objects of the notification centre for the tests."""

from kennisnetwerk.accounts.tests.factories import make_coordinator


def _notification_samples(region):
    """A notification of a coordinator of the home region (notifications)."""
    from kennisnetwerk.notifications.models import Notification

    owner = make_coordinator(region, email="thuis@voorbeeld.example")
    notification = Notification.objects.create(
        event="00000000-0000-0000-0000-000000000001",
        recipient=owner,
        kind="needs.question_consent",
        title="Vraag",
        url="/",
        channel="centre",
    )
    return {f"notifications:{name}": {"pk": notification.pk} for name in ("open", "mark_read")}


def url_access_samples(region, organisation) -> dict[str, dict]:
    """Objects for the URL walks (core/tests/url_walk.py)."""
    return _notification_samples(region)
