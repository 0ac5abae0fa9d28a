"""A period open for reach sketches: the members of the region's parties hear of it once per
indicator and period, through the platform's schedule; parties elsewhere do not."""

import datetime as dt

import pytest

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, make_member
from kennisnetwerk.core import hooks
from kennisnetwerk.geo.models import Municipality
from kennisnetwerk.notifications.models import Notification

from .factories import reach_world

pytestmark = pytest.mark.django_db


def _tick(now):
    lines = []
    for fn in hooks.get_hooks("schedule_tick"):
        lines += fn(now) or []
    return lines


def test_a_new_period_is_told_once_to_the_regions_parties(
    reference_data, settings, django_capture_on_commit_callbacks
):
    settings.MONITORING_COMPUTE_HOUR = 23  # keep the other daily jobs out of this test
    settings.AGENDA_REMINDER_HOUR = 23
    settings.NOTIFICATIONS_SUMMARY_HOUR = 23
    world = reach_world()
    elsewhere = OrganisationFactory(name="Gemeente Leiden (fictief)")
    elsewhere.municipality = Municipality.objects.get(name="Leiden")
    elsewhere.save()
    outsider = make_member(elsewhere)
    january = dt.datetime(2027, 1, 3, 8, tzinfo=dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        lines = _tick(january)
        again = _tick(january + dt.timedelta(minutes=1))
    assert "reach sketches: Bereik onder mkb-ondernemers 2027 open" in lines
    assert not [line for line in again if line.startswith("reach sketches")]
    recipients = set(Notification.objects.values_list("recipient_id", flat=True))
    assert recipients == {world["kvk_member"].pk, world["bom_member"].pk}
    assert outsider.pk not in recipients
    notification = Notification.objects.first()
    assert "2027" in notification.title
    assert notification.url == f"/monitoring/indicatoren/{world['indicator'].pk}/schets/"
    # Later in the period nothing new; the next period is told again.
    with django_capture_on_commit_callbacks(execute=True):
        assert not [l for l in _tick(january + dt.timedelta(days=30)) if "reach" in l]  # noqa: E741
        assert _tick(dt.datetime(2028, 1, 2, 8, tzinfo=dt.UTC))
    assert Notification.objects.count() == 4
