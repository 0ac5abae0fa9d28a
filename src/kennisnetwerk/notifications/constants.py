from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a person hears of one kind of notification."""

    CENTRE = "centre", _("In the notification centre only")
    INSTANT = "instant", _("By mail at once")
    DAILY = "daily", _("In a daily summary")
    WEEKLY = "weekly", _("In a weekly summary")
    OFF = "off", _("Off")


SUMMARY_CHANNELS = (Channel.DAILY, Channel.WEEKLY)
