from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.outbox import OutboxFields

from .constants import Channel


class Notification(models.Model):
    """Something that happened, for one person. Written in bulk by the fan-out task."""

    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    # One event (one emit) reaches many people; a fan-out that already ran is not run again.
    event = models.UUIDField(_("event"), db_index=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=80)
    title = models.CharField(_("title"), max_length=250)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=500)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("object type"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    target_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    channel = models.CharField(
        _("channel"),
        max_length=10,
        choices=Channel.choices,
        help_text=_("How the recipient chose to hear of this kind when it happened."),
    )
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    mailed_at = models.DateTimeField(
        _("mailed at"),
        null=True,
        blank=True,
        help_text=_("When the notification was put in a mail (at once or in a summary)."),
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notif_recipient_read"),
            models.Index(fields=["recipient", "-created_at"], name="notif_recipient_time"),
            models.Index(fields=["channel", "mailed_at"], name="notif_summary_due"),
        ]

    def __str__(self) -> str:
        return self.title


class Preference(models.Model):
    """How one person wants to hear of one kind; without a row the kind's default holds."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=80)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notif_preference_unique"),
            models.CheckConstraint(
                condition=models.Q(channel__in=Channel.values), name="notif_preference_channel"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.kind}: {self.channel}"


class Follow(models.Model):
    """A person follows a programme, thread, theme or region."""

    created_at = models.DateTimeField(_("since"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), on_delete=models.CASCADE, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(_("object id"))

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["target_type", "target_id", "user"], name="notif_follow_unique"
            ),
        ]
        indexes = [models.Index(fields=["user", "-created_at"], name="notif_follow_user")]

    def __str__(self) -> str:
        return f"{self.user} → {self.target_type_id}:{self.target_id}"


class SummaryRun(models.Model):
    """A daily or weekly summary round; one per channel and day, so the schedule's ticks
    compose it once."""

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    day = models.DateField(_("day"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    mails = models.PositiveIntegerField(_("mails"), default=0)

    class Meta:
        verbose_name = _("summary round")
        verbose_name_plural = _("summary rounds")
        constraints = [
            models.UniqueConstraint(fields=["channel", "day"], name="notif_summary_run_unique")
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.day}"


class EmittedOnce(models.Model):
    """An event that must be told once only (e.g. "the period 2027-Q1 is open"), emitted by
    a schedule that runs every minute: its key is kept here in the emitting transaction."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("event told once")
        verbose_name_plural = _("events told once")

    def __str__(self) -> str:
        return self.key


class NotificationMail(OutboxFields):
    """A notification mail (at once, a summary, or a direct mail such as the confirmation to an
    entrepreneur without an account) as written before sending."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("notification mail")
        verbose_name_plural = _("notification mails")
        indexes = [models.Index(fields=["status", "id"], name="notif_mail_status")]

    def __str__(self) -> str:
        return f"{self.to_email}: {self.subject}"
