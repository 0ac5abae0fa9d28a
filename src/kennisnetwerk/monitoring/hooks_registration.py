from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks
from kennisnetwerk.core.menu import MenuItem


@hooks.register("main_menu_items", order=50)
def monitoring_item(request: HttpRequest) -> MenuItem:
    """Monitoring takes the place of the "monitoring" placeholder."""
    return MenuItem(_("Monitoring"), reverse("monitoring:index"), "monitoring", 50)


@hooks.register("schedule_tick")
def monitoring_computed_indicators(now):
    from .schedule import monitoring_schedule_tick

    return monitoring_schedule_tick(now)


@hooks.register("schedule_tick")
def monitoring_sketch_periods(now):
    """Tell the region's parties when a new period of a reach indicator is open for sketches."""
    from .notify import sketch_periods_notify

    return sketch_periods_notify(now)
