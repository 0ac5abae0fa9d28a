from django.db import migrations

from kennisnetwerk.ecosystem.constants import INITIAL_TARGET_GROUPS, INITIAL_THEMES


def add_vocabularies(apps, schema_editor):
    Theme = apps.get_model("ecosystem", "Theme")
    TargetGroup = apps.get_model("ecosystem", "TargetGroup")
    for order, (slug, name) in enumerate(INITIAL_THEMES):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
    for order, (dimension, code, name) in enumerate(INITIAL_TARGET_GROUPS):
        TargetGroup.objects.get_or_create(
            dimension=dimension, code=code, defaults={"name": name, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0002_theme_targetgroup_initiative")]

    operations = [migrations.RunPython(add_vocabularies, migrations.RunPython.noop)]
