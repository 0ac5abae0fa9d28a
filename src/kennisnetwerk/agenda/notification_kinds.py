"""The DOE agenda's kinds of notification (registered from AgendaConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from kennisnetwerk.notifications.registry import NotificationKind, register_kind

ACTION_ASSIGNED = register_kind(
    NotificationKind(
        key="agenda.action_assigned",
        label=_("An action assigned to my organisation"),
        default_channel="instant",
    )
)
ACTION_ATTENTION = register_kind(
    NotificationKind(
        key="agenda.action_overdue",
        label=_("An action of my organisation overdue or without progress"),
        description=_("The owner's reminder mail goes out as well."),
        default_channel="centre",
    )
)
