from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks, personal_data
from kennisnetwerk.core.menu import MenuItem

from .permissions import can_invite

# The account's own tables; accounts.services.personal_data_export/erase carry these out.
ANONYMISED = "kept, pointing to the anonymised account; the name is removed from its texts"
for _field, _export, _erasure in (
    ("core.AuditLogEntry.actor", "activity", ANONYMISED),
    ("accounts.Membership.user", "memberships", "deleted"),
    ("accounts.RegionRole.user", "region_roles", "deleted"),
    ("accounts.EntrepreneurProfile.user", "entrepreneur_profile", "deleted"),
    ("accounts.Invitation.invited_by", "invitations_sent", ANONYMISED),
    ("accounts.Invitation.accepted_by", "invitations_received", "the e-mail address is removed"),
    (
        "accounts.ErasureRequest.user",
        "not exported: the request itself",
        "kept as the record that the erasure was carried out",
    ),
    ("admin.LogEntry.user", "administration_activity", ANONYMISED),
    ("account.EmailAddress.user", "account.email_addresses", "deleted"),
    ("mfa.Authenticator.user", "account.two_factor_methods", "deleted"),
):
    personal_data.rule(_field, export=_export, erasure=_erasure)


@hooks.register("main_menu_items", order=80)
def invitations_item(request: HttpRequest) -> MenuItem | None:
    if not request.user.is_authenticated or not can_invite(request.user):
        return None
    return MenuItem(_("Invitations"), reverse("accounts:invitations"), "uitnodigingen", 80)
