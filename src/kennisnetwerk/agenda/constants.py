from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionStatus(models.TextChoices):
    PLANNED = "gepland", _("Planned")
    IN_PROGRESS = "bezig", _("In progress")
    DONE = "gereed", _("Done")
    DELAYED = "vertraagd", _("Delayed")
    CANCELLED = "geschrapt", _("Cancelled")


# Actions that still need work; done and cancelled ones are never overdue or stale.
OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.DELAYED)
DEFAULT_STALE_DAYS = 30
