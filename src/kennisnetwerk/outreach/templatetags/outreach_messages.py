"""Showing messages: all senders in one phrase."""

from django import template

from ..models import Message
from ..selectors_messages import senders_label

register = template.Library()


@register.filter
def senders(message: Message) -> str:
    """ "Gemeente Oss, KVK and RVO": the sender and every party merged into the message."""
    return senders_label(message)
