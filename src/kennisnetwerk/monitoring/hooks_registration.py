from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks, personal_data
from kennisnetwerk.core.menu import MenuItem


@hooks.register("main_menu_items", order=50)
def monitoring_item(request: HttpRequest) -> MenuItem:
    """Monitoring takes the place of the "monitoring" placeholder."""
    return MenuItem(_("Monitoring"), reverse("monitoring:index"), "monitoring", 50)


KEPT = "the link to the person is removed; the figures stay with their organisation"
personal_data.rule(
    "monitoring.Measurement.entered_by", export="monitoring.measurements", erasure=KEPT
)
personal_data.rule(
    "monitoring.ReachSketch.uploaded_by", export="monitoring.reach_sketches", erasure=KEPT
)


@hooks.register("personal_data_export")
def export_monitoring(user):
    from .models import Measurement, ReachSketch

    return "monitoring", {
        "measurements": [
            {
                "indicator": m.indicator.name,
                "period": m.period,
                "value": str(m.value),
                "note": m.note,
                "entered_at": m.created_at.isoformat(),
            }
            for m in Measurement.objects.filter(entered_by=user).select_related("indicator")
        ],
        "reach_sketches": [
            {
                "indicator": s.indicator.name,
                "organisation": s.organisation.name,
                "period": s.period,
                "distinct_kvk_numbers": s.valid_numbers,
                "uploaded_at": s.created_at.isoformat(),
            }
            for s in ReachSketch.objects.filter(uploaded_by=user).select_related(
                "indicator", "organisation"
            )
        ],
    }


@hooks.register("personal_data_erase")
def erase_monitoring(user):
    personal_data.unlink(
        user, "monitoring.Measurement.entered_by", "monitoring.ReachSketch.uploaded_by"
    )


@hooks.register("schedule_tick")
def monitoring_computed_indicators(now):
    from .schedule import monitoring_schedule_tick

    return monitoring_schedule_tick(now)


@hooks.register("schedule_tick")
def monitoring_sketch_periods(now):
    """Tell the region's parties when a new period of a reach indicator is open for sketches."""
    from .notify import sketch_periods_notify

    return sketch_periods_notify(now)
