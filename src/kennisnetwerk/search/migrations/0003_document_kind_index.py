"""SQLite: an index on (id, kind), so that a search limited to some kinds checks the kind of
each full-text match without reading the whole document row. PostgreSQL filters on the GIN
index and needs none."""

from django.db import migrations

SQLITE_INSTALL = "CREATE INDEX search_searchdocument_id_kind ON search_searchdocument (id, kind)"
SQLITE_UNINSTALL = "DROP INDEX IF EXISTS search_searchdocument_id_kind"


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_INSTALL, params=None)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_UNINSTALL, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_fulltext_index"),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
