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


# Network facilitators (staff) get their rights in the administration (/beheer/) through this
# group, created by a migration and kept in step with the facilitator role by
# ``services.facilitator_set``: the network's default synonym groups, and appointing other
# facilitators; regions and organisations only to look them up.
FACILITATOR_GROUP = "Netwerkbegeleiders"
FACILITATOR_PERMISSIONS = (
    ("needs", "thesaurusgroup", ("add", "change", "delete", "view")),
    ("accounts", "user", ("change", "view")),
    ("geo", "region", ("view",)),
    ("ecosystem", "organisation", ("view",)),
)
