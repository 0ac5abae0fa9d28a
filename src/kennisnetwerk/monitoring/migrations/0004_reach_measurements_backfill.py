"""Reach indicators whose sketches were uploaded before reach estimates became measurements
get their measurements now, per period (unless a measurement of that period exists)."""

from decimal import Decimal

from django.db import migrations


def backfill(apps, schema_editor):
    import datasketches

    from kennisnetwerk.monitoring import sketches
    from kennisnetwerk.monitoring.reach import reach_compute

    ReachSketch = apps.get_model("monitoring", "ReachSketch")
    Measurement = apps.get_model("monitoring", "Measurement")
    pairs = ReachSketch.objects.values_list("indicator_id", "period").distinct()
    for indicator_id, period in list(pairs):
        if Measurement.objects.filter(indicator_id=indicator_id, period=period).exists():
            continue
        rows = list(
            ReachSketch.objects.filter(indicator_id=indicator_id, period=period).select_related(
                "indicator"
            )
        )
        parsed = [
            datasketches.compact_theta_sketch.deserialize(bytes(row.sketch), sketches.SEED)
            for row in rows
        ]
        union = reach_compute(
            [str(row.organisation_id) for row in rows],
            parsed,
            lg_k=sketches.LG_K,
            seed=sketches.SEED,
        ).union
        if union.value < rows[0].indicator.small_cell:
            continue
        Measurement.objects.create(
            indicator_id=indicator_id,
            period=period,
            value=Decimal(union.rounded),
            lower=None if union.exact else Decimal(round(union.lower)),
            upper=None if union.exact else Decimal(round(union.upper)),
            source="bereik",
            note=(
                "Uniek bereik geschat uit de schets van 1 partij."
                if len(rows) == 1
                else f"Uniek bereik geschat uit de schetsen van {len(rows)} partijen."
            ),
        )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0003_measurement_interval")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
