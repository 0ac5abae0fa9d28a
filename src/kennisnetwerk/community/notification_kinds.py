"""The kinds of notification conversations send (registered from ``CommunityConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

from kennisnetwerk.notifications.constants import Channel
from kennisnetwerk.notifications.registry import NotificationKind, register_kind

REPLY = register_kind(
    NotificationKind(
        key="community.reply",
        label=_("Reply in a conversation I follow"),
        description=_("Writing in a conversation follows it; you can stop following it."),
        default_channel=Channel.INSTANT,
        facilitator_channel=Channel.DAILY,
    )
)
MENTION = register_kind(
    NotificationKind(
        key="community.mention",
        label=_("Someone mentions me"),
        description=_("Someone writes @ and your name in a conversation you can see."),
        default_channel=Channel.INSTANT,
    )
)
NEW_TOPIC = register_kind(
    NotificationKind(
        key="community.new_topic",
        label=_("New topic in my programme"),
        default_channel=Channel.DAILY,
    )
)
POST_HIDDEN = register_kind(
    NotificationKind(
        key="community.post_hidden",
        label=_("A moderator hid my post"),
        description=_("With the reason the moderator gave."),
        default_channel=Channel.INSTANT,
    )
)
POST_REPORTED = register_kind(
    NotificationKind(
        key="community.post_reported",
        label=_("A post I moderate was reported"),
        description=_("For coordinators and core teams: someone reported a post."),
        default_channel=Channel.INSTANT,
        facilitator_channel=Channel.DAILY,
    )
)
