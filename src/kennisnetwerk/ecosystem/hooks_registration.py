from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks
from kennisnetwerk.core.menu import MenuItem


@hooks.register("main_menu_items", order=10)
def atlas_item(request: HttpRequest) -> MenuItem:
    return MenuItem(_("Atlas"), reverse("ecosystem:atlas"), "atlas", 10)
