"""The monitoring app's kinds of notification (registered from MonitoringConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from kennisnetwerk.notifications.registry import NotificationKind, register_kind

SKETCH_PERIOD_OPEN = register_kind(
    NotificationKind(
        key="monitoring.sketch_period_open",
        label=_("A period open for reach sketches"),
        description=_("For the members of the region's parties, who upload their sketches."),
        default_channel="instant",
        facilitator_channel="off",
    )
)
