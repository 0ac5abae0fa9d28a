"""The learning app's kinds of notification and what can be followed (registered from
LearningConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.geo.models import Region
from kennisnetwerk.notifications.registry import (
    Followable,
    NotificationKind,
    register_followable,
    register_kind,
)

from .models import Programme

SESSION_NEW = register_kind(
    NotificationKind(
        key="learning.session_new",
        label=_("New session in my programme"),
        default_channel="instant",
        facilitator_channel="weekly",
    )
)
DOCUMENT_NEW = register_kind(
    NotificationKind(
        key="learning.document_new",
        label=_("New document in my programme"),
        default_channel="daily",
        facilitator_channel="weekly",
    )
)
QUESTION_NEW = register_kind(
    NotificationKind(
        key="learning.question_new",
        label=_("New learning question in my programme, region or theme"),
        default_channel="daily",
        facilitator_channel="weekly",
    )
)
PROMOTED = register_kind(
    NotificationKind(
        key="learning.registration_promoted",
        label=_("My registration moved up from the waiting list"),
        description=_("You also receive the registration mail with the session's details."),
        default_channel="centre",
    )
)
APPLICATION_SUBMITTED = register_kind(
    NotificationKind(
        key="learning.application_submitted",
        label=_("A region's application submitted (network facilitators)"),
        default_channel="instant",
    )
)
APPLICATION_DECIDED = register_kind(
    NotificationKind(
        key="learning.application_decided",
        label=_("Decision on my region's application"),
        default_channel="instant",
    )
)


def _can_view_programme(user, programme) -> bool:
    from .permissions import can_view_programme

    return can_view_programme(user, programme)


def _public(user, obj) -> bool:
    return True


register_followable(Followable(model=Programme, can_view=_can_view_programme))
# A region's and a theme's new learning questions reach the professionals who follow them.
register_followable(Followable(model=Region, can_view=_public))
register_followable(Followable(model=Theme, can_view=_public, listed=True))
