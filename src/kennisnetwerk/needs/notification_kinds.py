"""The needs app's kinds of notification (registered from NeedsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from kennisnetwerk.notifications.registry import NotificationKind, register_kind

QUESTION_WITH_CONSENT = register_kind(
    NotificationKind(
        key="needs.question_consent",
        label=_("An entrepreneur's question with consent to contact"),
        description=_(
            "To the region's coordinators and account managers: the question and its best "
            "matching offers, so that someone contacts the entrepreneur."
        ),
        default_channel="instant",
        facilitator_channel="off",
    )
)
