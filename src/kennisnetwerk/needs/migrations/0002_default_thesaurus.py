"""The network's default thesaurus groups (synonyms for matching); regions change them."""

from django.db import migrations

from kennisnetwerk.needs.constants import INITIAL_THESAURUS


def load(apps, schema_editor):
    Theme = apps.get_model("ecosystem", "Theme")
    ThesaurusGroup = apps.get_model("needs", "ThesaurusGroup")
    themes = {t.slug: t for t in Theme.objects.all()}
    for name, theme_slug, terms in INITIAL_THESAURUS:
        if not ThesaurusGroup.objects.filter(region__isnull=True, name=name).exists():
            ThesaurusGroup.objects.create(
                name=name, terms=terms, theme=themes.get(theme_slug), region=None
            )


class Migration(migrations.Migration):
    dependencies = [
        ("needs", "0001_initial"),
        ("ecosystem", "0003_initial_vocabularies"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
