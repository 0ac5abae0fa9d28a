"""The questions widget on a facilitator's dashboard: the regions with open questions first,
the many quiet regions folded away in one list that opens without JavaScript."""

import pytest
from django.urls import reverse

from kennisnetwerk.accounts.tests.factories import RegionFactory, make_facilitator
from kennisnetwerk.geo.models import Region
from kennisnetwerk.needs.models import Need

pytestmark = pytest.mark.django_db


def test_regions_with_open_questions_come_first_and_quiet_ones_are_folded(client, reference_data):
    busy = RegionFactory(name="Zwolle-test", municipalities=["Zwolle"])
    quieter = RegionFactory(name="Oss-test", municipalities=["Oss"])
    for n in range(2):
        Need.objects.create(region=busy, question=f"Vraag {n}", source="formulier")
    Need.objects.create(region=quieter, question="Vraag", source="formulier")
    Need.objects.create(region=quieter, question="Klaar", source="formulier", status="beantwoord")
    facilitator = make_facilitator()
    client.force_login(facilitator)

    html = client.get(reverse("accounts:dashboard")).content.decode()
    widget = html[html.index("Vragen van ondernemers") :]
    widget = widget[: widget.index("</details>")]
    folded = widget[widget.index("<details>") :]
    shown = widget[: widget.index("<details>")]
    # Most open questions first; only regions with open questions outside the fold.
    assert shown.index("Zwolle-test: 2 open vragen") < shown.index("Oss-test: 1 open vraag")
    assert "0 open vragen" not in widget
    quiet = Region.objects.count() - 2
    assert f"<summary>{quiet} regio's zonder open vragen</summary>" in folded
    other = Region.objects.exclude(pk__in=[busy.pk, quieter.pk]).order_by("name").first()
    assert other.name in folded and other.name not in shown
