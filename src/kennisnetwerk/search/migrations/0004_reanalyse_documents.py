"""Analyse every stored document again with the current Dutch analysis.

The analysis now lets singular and plural, diminutives, and nouns and their verbs meet
("zonnepaneel" and "zonnepanelen", "export" and "exporteren", "overname" and "overnemen").
Documents indexed before keep their old terms until they are analysed again; this does it
from the stored title and text, so every search (atlas, site search, matching of needs)
uses the new terms at once. ``kennisnetwerk rebuild_search_index`` does the same from the
objects themselves and can be run again at any time.
"""

from django.db import migrations


def reanalyse(apps, schema_editor):
    from kennisnetwerk.search.services import search_documents_reanalyse

    search_documents_reanalyse(model=apps.get_model("search", "SearchDocument"))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_document_kind_index"),
    ]

    operations = [
        migrations.RunPython(reanalyse, migrations.RunPython.noop, elidable=True),
    ]
