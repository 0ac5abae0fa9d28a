from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationRole(models.TextChoices):
    MEMBER = "member", _("Party member")
    ADMIN = "admin", _("Organisation administrator")


class RegionRoleKind(models.TextChoices):
    COORDINATOR = "coordinator", _("Regional coordinator")


class ErasureStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    DONE = "done", _("Carried out")
