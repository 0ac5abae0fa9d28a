from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks
from kennisnetwerk.core.menu import MenuItem


@hooks.register("main_menu_items", order=40)
def agenda_item(request: HttpRequest) -> MenuItem:
    """The DOE agendas take the place of the "doe-agenda" placeholder."""
    return MenuItem(_("DOE agenda"), reverse("agenda:index"), "doe-agenda", 40)
