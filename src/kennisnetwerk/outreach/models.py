"""One voice to the entrepreneur: subscribers with their consent, messages of the parties,
digest runs and the outbox through which every mail goes."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.models import TimeStampedModel

from .constants import (
    ConsentEvent,
    Frequency,
    LegalBasis,
    MailStatus,
    MessageKind,
    MessageStatus,
    RunStatus,
    SizeClass,
    SubscriberSource,
    SubscriberStatus,
    SuppressionReason,
)


class Subscriber(TimeStampedModel):
    """An entrepreneur on a region's one channel. No account is needed: the subscriber
    manages everything through signed links. The address is stored in lower case."""

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="subscribers",
    )
    email = models.EmailField(_("e-mail address"))
    company_name = models.CharField(_("company name"), max_length=200)
    kvk_number = models.CharField(
        _("KVK number"), max_length=8, blank=True, help_text=_("Optional; 8 digits.")
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    sbi_section = models.ForeignKey(
        "geo.SbiSection",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    size_class = models.CharField(
        _("size of the company"), max_length=20, choices=SizeClass.choices, blank=True
    )
    themes = models.ManyToManyField(
        "ecosystem.Theme", verbose_name=_("themes"), blank=True, related_name="subscribers"
    )
    frequency = models.CharField(
        _("how often"), max_length=20, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
        db_index=True,
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    paused_until = models.DateField(_("paused until"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("undeliverable since"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=SubscriberSource.choices, default=SubscriberSource.FORM
    )
    source_organisation = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=30, choices=LegalBasis.choices, blank=True
    )
    # Raised to invalidate every signed link sent before (e.g. after a leaked link).
    link_version = models.PositiveIntegerField(_("link version"), default=1)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "region", name="outreach_subscriber_unique_email_per_region"
            ),
            models.CheckConstraint(
                condition=models.Q(kvk_number="") | models.Q(kvk_number__regex=r"^[0-9]{8}$"),
                name="outreach_subscriber_kvk_8_digits",
                violation_error_message=_("A KVK number has 8 digits."),
            ),
            models.CheckConstraint(
                condition=~models.Q(source=SubscriberSource.IMPORT) | ~models.Q(legal_basis=""),
                name="outreach_subscriber_import_has_legal_basis",
                violation_error_message=_("An imported address needs a legal basis."),
            ),
        ]
        indexes = [models.Index(fields=["region", "status", "frequency"])]

    def __str__(self) -> str:
        return f"{self.email} ({self.company_name})"


class Consent(models.Model):
    """What a subscriber agreed to (or withdrew), when, and the exact text shown."""

    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    event = models.CharField(_("event"), max_length=20, choices=ConsentEvent.choices)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    text = models.TextField(_("text shown"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.subscriber_id} {self.event} {self.created_at:%Y-%m-%d}"


class Suppression(models.Model):
    """An address that may never again receive the region's mail (unsubscribed or bounced).
    Only a hash is kept, so the list itself holds no addresses."""

    region = models.ForeignKey(
        "geo.Region", verbose_name=_("region"), on_delete=models.CASCADE, related_name="+"
    )
    email_hash = models.CharField(_("hash of the address"), max_length=64)
    reason = models.CharField(_("reason"), max_length=20, choices=SuppressionReason.choices)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("blocked address")
        verbose_name_plural = _("blocked addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "email_hash"], name="outreach_suppression_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email_hash[:12]}… ({self.reason})"


class Message(TimeStampedModel):
    """A message a party submits for the region's channel: news, an event invitation, a
    subsidy opening or deadline, or a call for participants."""

    region = models.ForeignKey(
        "geo.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="messages"
    )
    sender = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("sender"),
        on_delete=models.PROTECT,
        related_name="messages",
    )
    co_senders = models.ManyToManyField(
        "ecosystem.Organisation",
        verbose_name=_("also sent by"),
        blank=True,
        related_name="co_sent_messages",
        help_text=_("Parties whose announcement of the same thing was merged into this one."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MessageKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=5000)
    link = models.URLField(_("link"), max_length=500, blank=True)
    themes = models.ManyToManyField(
        "ecosystem.Theme", verbose_name=_("themes"), blank=True, related_name="messages"
    )
    target_groups = models.ManyToManyField(
        "ecosystem.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="messages",
    )
    sbi_sections = models.ManyToManyField(
        "geo.SbiSection", verbose_name=_("sectors"), blank=True, related_name="+"
    )
    municipalities = models.ManyToManyField(
        "geo.Municipality",
        verbose_name=_("municipalities"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for the whole region."),
    )
    valid_from = models.DateField(_("show from"))
    valid_until = models.DateField(_("show until"))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    event_start = models.DateTimeField(_("starts at"), null=True, blank=True)
    event_end = models.DateTimeField(_("ends at"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=250, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MessageStatus.choices,
        default=MessageStatus.SUBMITTED,
        db_index=True,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    rejection_reason = models.CharField(_("reason for rejection"), max_length=500, blank=True)
    publish_from = models.DateField(
        _("send from"),
        null=True,
        blank=True,
        help_text=_("Scheduling: not in a digest before this date."),
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_messages",
    )
    # Calendar identity: the UID never changes; the sequence rises with every change that
    # calendar programs must pick up (RFC 5545 §3.8.7.4).
    uid = models.UUIDField(_("calendar id"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="outreach_message_window_in_order",
                violation_error_message=_("'Show until' must not be before 'show from'."),
            ),
            models.CheckConstraint(
                condition=models.Q(event_end__isnull=True)
                | models.Q(event_start__isnull=True)
                | models.Q(event_end__gte=models.F("event_start")),
                name="outreach_message_event_in_order",
                violation_error_message=_("The event must not end before it starts."),
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=MessageKind.EVENT) | models.Q(event_start__isnull=False),
                name="outreach_message_event_has_start",
                violation_error_message=_("An event invitation needs a start date and time."),
            ),
        ]
        indexes = [models.Index(fields=["region", "status", "valid_until"])]

    def __str__(self) -> str:
        return self.title


class DigestRun(TimeStampedModel):
    """One period of one region: which digests were composed, and how sending went."""

    region = models.ForeignKey(
        "geo.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.COMPOSING
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    composed_at = models.DateTimeField(_("composed at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    statistics = models.JSONField(_("figures"), default=dict, blank=True)

    class Meta:
        verbose_name = _("digest run")
        verbose_name_plural = _("digest runs")
        ordering = ["-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "period_start"], name="outreach_run_unique_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.period_start}"


class OutboxMail(TimeStampedModel):
    """A mail as written before sending; marked sent only after the SMTP server accepted it.
    One per subscriber per run, so a resumed run never sends twice."""

    run = models.ForeignKey(
        DigestRun,
        verbose_name=_("digest run"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mails",
    )
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mails",
    )
    to_email = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=250)
    # A digest mail's body is its run's shared content with the subscriber's own parts (name,
    # links) filled in when it is sent; other mails carry their own body.
    content = models.ForeignKey(
        "DigestContent",
        verbose_name=_("content"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mails",
    )
    text_body = models.TextField(_("plain text"), blank=True)
    html_body = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=250, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # A default in the database too: the digest writes the outbox with plain INSERTs.
    claimed_by = models.CharField(
        _("claimed by"),
        max_length=200,
        blank=True,
        default="",
        db_default="",
        help_text=_("The worker process sending the mail, while it is being sent."),
    )

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "subscriber"], name="outreach_mail_one_per_subscriber_per_run"
            )
        ]
        indexes = [models.Index(fields=["status", "id"])]

    def __str__(self) -> str:
        return f"{self.to_email}: {self.subject}"


class DigestContent(models.Model):
    """The body shared by every digest of a run with the same messages in the same order.
    It holds no personal data: the subscriber's name and links are place holders, filled in
    per mail when it is sent. A run of millions of subscribers stores a few thousand bodies
    instead of millions."""

    run = models.ForeignKey(
        DigestRun, verbose_name=_("digest run"), on_delete=models.CASCADE, related_name="contents"
    )
    key = models.CharField(_("messages"), max_length=500)
    subject = models.CharField(_("subject"), max_length=250)
    text_body = models.TextField(_("plain text"))
    html_body = models.TextField(_("HTML"))

    class Meta:
        verbose_name = _("digest content")
        verbose_name_plural = _("digest contents")
        constraints = [
            models.UniqueConstraint(fields=["run", "key"], name="outreach_content_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.run} [{self.key}]"


class DigestItem(models.Model):
    """A message in a digest's content, in its place."""

    content = models.ForeignKey(DigestContent, on_delete=models.CASCADE, related_name="items")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="digest_items")
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        verbose_name = _("digest item")
        verbose_name_plural = _("digest items")
        ordering = ["content", "position"]
        constraints = [
            models.UniqueConstraint(fields=["content", "message"], name="outreach_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.content_id}#{self.position}"
