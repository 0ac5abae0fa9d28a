from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks
from kennisnetwerk.core.menu import MenuItem

from .permissions import can_invite


@hooks.register("main_menu_items", order=80)
def invitations_item(request: HttpRequest) -> MenuItem | None:
    if not request.user.is_authenticated or not can_invite(request.user):
        return None
    return MenuItem(_("Invitations"), reverse("accounts:invitations"), "uitnodigingen", 80)
