"""The demo of monitoring: indicators with targets and measurements for Noordoost-Brabant and
an MKB-Deal, computed ones filled, and three parties' reach sketches from generated KVK
numbers, whose union the platform reports exactly; loading again adds nothing."""

import pytest
from django.urls import reverse

from kennisnetwerk.accounts.models import User
from kennisnetwerk.demo.services import demo_data_load
from kennisnetwerk.monitoring.constants import Source
from kennisnetwerk.monitoring.models import Indicator, Measurement, ReachSketch, Target
from kennisnetwerk.monitoring.selectors import reach_report

pytestmark = pytest.mark.django_db


def test_the_monitoring_demo_is_complete_and_loads_once(
    client, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_load()
    counts = [m.objects.count() for m in (Indicator, Target, Measurement, ReachSketch)]

    for region in ("Noordoost-Brabant", "MKB-Deal West-Brabant"):
        indicators = Indicator.objects.filter(region__name=region)
        assert indicators.filter(targets__isnull=False).exists(), region
        assert Measurement.objects.filter(indicator__in=indicators).exists(), region
    for indicator in Indicator.objects.filter(source=Source.COMPUTED):
        assert indicator.measurements.exists(), indicator.code
        assert indicator.computed_on is not None
    reach = Indicator.objects.get(region__name="Noordoost-Brabant", code="bereik-mkb")
    report = reach_report(indicator=reach, period="2025")
    # 1.400, 900 and 600 numbers from one pool, starting at 0, 1.000 and 1.700: 2.300 distinct
    assert len(report.parties) == 3
    assert report.union.estimate.rounded == 2300

    with django_capture_on_commit_callbacks(execute=True):
        demo_data_load()
    assert [m.objects.count() for m in (Indicator, Target, Measurement, ReachSketch)] == counts

    client.force_login(User.objects.get(email__startswith="coordinator.noordoost-brabant"))
    # 16: the page's own 15 and the header's unread notification count.
    with django_assert_max_num_queries(16):
        page = client.get(reverse("monitoring:region", args=["noordoost-brabant"]))
    assert page.status_code == 200
    assert "Bereik onder mkb-ondernemers (uniek)" in page.content.decode()
