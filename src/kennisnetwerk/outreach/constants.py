import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    WEEKLY = "wekelijks", _("Weekly")
    FORTNIGHTLY = "tweewekelijks", _("Every two weeks")
    MONTHLY = "maandelijks", _("Monthly")


# The length of one period of each frequency; a subscriber gets at most one mail per period.
PERIOD_DAYS = {
    Frequency.WEEKLY: 7,
    Frequency.FORTNIGHTLY: 14,
    Frequency.MONTHLY: 28,
}


def period_length(frequency: str) -> dt.timedelta:
    return dt.timedelta(days=PERIOD_DAYS[Frequency(frequency)])


class SubscriberStatus(models.TextChoices):
    PENDING = "wacht", _("Waiting for confirmation")
    ACTIVE = "actief", _("Active")
    PAUSED = "gepauzeerd", _("Paused")
    UNSUBSCRIBED = "afgemeld", _("Unsubscribed")
    BOUNCED = "onbestelbaar", _("Undeliverable")


class SizeClass(models.TextChoices):
    """The size classes of the atlas's target groups (same codes), so digests can match."""

    ZZP = "zzp", _("Self-employed without staff (zzp)")
    MICRO = "micro", _("Micro (2–9 people)")
    SMALL = "klein", _("Small (10–49)")
    MEDIUM = "middelgroot", _("Medium-sized (50–249)")


class SubscriberSource(models.TextChoices):
    FORM = "formulier", _("Sign-up form")
    IMPORT = "import", _("Imported from a party's list")
    API = "api", _("API")


class LegalBasis(models.TextChoices):
    """Why a party may add an address from its own list (Telecommunicatiewet art. 11.7)."""

    CONSENT = "toestemming", _("Consent given to the party")
    CUSTOMER = "klantrelatie", _("Existing customer relationship")
    LEGITIMATE_INTEREST = "gerechtvaardigd-belang", _("Legitimate interest (business address)")


class ConsentEvent(models.TextChoices):
    REQUESTED = "aangevraagd", _("Sign-up requested")
    CONFIRMED = "bevestigd", _("Confirmed (double opt-in)")
    IMPORTED = "geimporteerd", _("Imported with a legal basis")
    CHANGED = "gewijzigd", _("Preferences changed")
    PAUSED = "gepauzeerd", _("Paused")
    RESUMED = "hervat", _("Resumed")
    WITHDRAWN = "ingetrokken", _("Unsubscribed")


class SuppressionReason(models.TextChoices):
    UNSUBSCRIBED = "afgemeld", _("Unsubscribed")
    BOUNCED = "onbestelbaar", _("Undeliverable")


class MessageKind(models.TextChoices):
    NEWS = "nieuws", _("News")
    EVENT = "evenement", _("Event invitation")
    SUBSIDY = "subsidie", _("Subsidy opening or deadline")
    CALL = "oproep", _("Call for participants")


class MessageStatus(models.TextChoices):
    SUBMITTED = "ingediend", _("Submitted")
    APPROVED = "goedgekeurd", _("Approved")
    REJECTED = "afgewezen", _("Rejected")
    MERGED = "samengevoegd", _("Merged into another message")
    CANCELLED = "geannuleerd", _("Cancelled")


class RunStatus(models.TextChoices):
    COMPOSING = "samenstellen", _("Composing")
    SENDING = "verzenden", _("Sending")
    DONE = "klaar", _("Done")


class MailStatus(models.TextChoices):
    QUEUED = "wachtrij", _("Waiting to be sent")
    SENDING = "bezig", _("Being sent")
    SENT = "verzonden", _("Sent")
    FAILED = "mislukt", _("Failed for now (will be retried)")
    BOUNCED = "onbestelbaar", _("Undeliverable")
    CANCELLED = "vervallen", _("Not sent (address no longer active)")
