"""Background jobs of notifications: thin wrappers around services."""

from django_tasks import task


@task()
def fan_out_notification(**payload) -> int:
    """Write one event's notifications and mails (queued after the emitting transaction)."""
    from .services import notifications_fan_out

    return notifications_fan_out(**payload)


@task()
def deliver_notification_mail() -> dict:
    """Send the waiting notification mails."""
    from .delivery import notification_mail_deliver

    result = notification_mail_deliver()
    return {"sent": result.sent, "failed": result.failed, "bounced": result.bounced}
