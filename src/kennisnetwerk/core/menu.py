"""The main navigation. Sections are registered here until their own app takes them over;
a section that is not built yet says so honestly on its page."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import hooks
from .permissions import is_network_facilitator


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url: str
    key: str
    order: int = 100
    available: bool = True


@dataclass(frozen=True)
class Section:
    """A part of the platform that has its place in the navigation but is not built yet."""

    slug: str
    title: str | Promise
    summary: str | Promise
    order: int


UPCOMING_SECTIONS = {
    s.slug: s
    for s in [
        Section(
            "atlas",
            _("Atlas"),
            _(
                "Who does what: the programmes, schemes, instruments and networks of all parties "
                "in the region, with overlaps and gaps."
            ),
            10,
        ),
        Section(
            "kalender",
            _("Calendar"),
            _(
                "One joint calendar of all events in the region, with a personal digest for "
                "entrepreneurs instead of mail from many senders."
            ),
            20,
        ),
        Section(
            "leren",
            _("Learning"),
            _(
                "Communities of Practice, intervision, sessions with registration and the "
                "library of practice examples."
            ),
            30,
        ),
        Section(
            "doe-agenda",
            _("DOE agenda"),
            _("The joint action agenda: who does what, by when, and how far it has come."),
            40,
        ),
        Section(
            "monitoring",
            _("Monitoring"),
            _(
                "Indicators and the reach of all parties together, measured without pooling "
                "customer lists."
            ),
            50,
        ),
    ]
}


def _upcoming_item(section: Section):
    def item(request: HttpRequest) -> MenuItem:
        return MenuItem(
            section.title,
            reverse("core:section", args=[section.slug]),
            section.slug,
            section.order,
            available=False,
        )

    item.__name__ = f"menu_{section.slug.replace('-', '_')}"
    return item


for _section in UPCOMING_SECTIONS.values():
    hooks.register("main_menu_items", order=_section.order)(_upcoming_item(_section))


@hooks.register("main_menu_items", order=90)
def audit_log_item(request: HttpRequest) -> MenuItem | None:
    if not is_network_facilitator(request.user):
        return None
    return MenuItem(_("Audit log"), reverse("core:audit_log"), "auditlog", 90)


def main_menu(request: HttpRequest) -> list[MenuItem]:
    """The navigation for this person. When an app provides a section, its item replaces the
    "not yet available" place holder with the same key."""
    by_key: dict[str, MenuItem] = {}
    for fn in hooks.get_hooks("main_menu_items"):
        item = fn(request)
        if item is None:
            continue
        current = by_key.get(item.key)
        if current is None or (item.available and not current.available):
            by_key[item.key] = item
    return sorted(by_key.values(), key=lambda i: i.order)
