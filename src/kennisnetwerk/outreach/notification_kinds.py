"""The outreach app's kinds of notification (registered from OutreachConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from kennisnetwerk.notifications.registry import NotificationKind, register_kind

MESSAGE_SUBMITTED = register_kind(
    NotificationKind(
        key="outreach.message_submitted",
        label=_("A message waiting in the editorial queue"),
        description=_("For the region's editors (its coordinators)."),
        default_channel="instant",
    )
)
