"""The full-text index over the analysed terms, made by the database vendor in use.

SQLite: an FTS5 table with external content (the terms are not stored twice), kept in sync
with ``search_searchdocument`` by triggers, so every write (services, bulk operations, the
flush of a test database) updates it. The ``ascii`` tokeniser splits only on ASCII
punctuation and spaces, so each analysed term stays one token, non-ASCII letters included.

PostgreSQL: a generated ``tsvector`` column with a GIN index. The vector is not made by
``to_tsvector``: its parser would split and normalise again, whatever the text search
configuration. It is built from the terms as they are (like the 'simple' configuration, but
without a parser), title terms with weight A, body terms with weight B, in word order.
"""

from django.db import migrations

SQLITE_INSTALL = [
    """
    CREATE VIRTUAL TABLE search_searchdocument_fts USING fts5(
        title_terms, body_terms,
        content='search_searchdocument', content_rowid='id', tokenize='ascii'
    )
    """,
    """
    CREATE TRIGGER search_searchdocument_fts_insert AFTER INSERT ON search_searchdocument
    BEGIN
        INSERT INTO search_searchdocument_fts (rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
    END
    """,
    """
    CREATE TRIGGER search_searchdocument_fts_delete AFTER DELETE ON search_searchdocument
    BEGIN
        INSERT INTO search_searchdocument_fts
            (search_searchdocument_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
    END
    """,
    """
    CREATE TRIGGER search_searchdocument_fts_update
    AFTER UPDATE OF id, title_terms, body_terms ON search_searchdocument
    BEGIN
        INSERT INTO search_searchdocument_fts
            (search_searchdocument_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
        INSERT INTO search_searchdocument_fts (rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
    END
    """,
    # Index rows that exist already (none when the table was just created).
    "INSERT INTO search_searchdocument_fts (search_searchdocument_fts) VALUES ('rebuild')",
]

SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_searchdocument_fts_update",
    "DROP TRIGGER IF EXISTS search_searchdocument_fts_delete",
    "DROP TRIGGER IF EXISTS search_searchdocument_fts_insert",
    "DROP TABLE IF EXISTS search_searchdocument_fts",
]

POSTGRESQL_INSTALL = [
    # Terms are letters and digits only (search.analysis), so quote_literal makes a valid
    # tsvector lexeme of each. Positions above 16383 are not possible in a tsvector.
    """
    CREATE FUNCTION search_terms_tsvector(title_terms text, body_terms text)
    RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(
            string_agg(quote_literal(term) || ':' || least(position, 16383) || weight, ' '),
            ''
        )::tsvector
        FROM (
            SELECT term, position, 'A' AS weight
            FROM unnest(string_to_array(title_terms, ' ')) WITH ORDINALITY AS t(term, position)
            UNION ALL
            SELECT term,
                   position + coalesce(array_length(string_to_array(title_terms, ' '), 1), 0),
                   'B'
            FROM unnest(string_to_array(body_terms, ' ')) WITH ORDINALITY AS b(term, position)
        ) AS terms
        WHERE term <> ''
    $$
    """,
    """
    ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (search_terms_tsvector(title_terms, body_terms)) STORED
    """,
    """
    CREATE INDEX search_searchdocument_vector_gin ON search_searchdocument
    USING gin (search_vector)
    """,
]

POSTGRESQL_UNINSTALL = [
    "DROP INDEX IF EXISTS search_searchdocument_vector_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
    "DROP FUNCTION IF EXISTS search_terms_tsvector(text, text)",
]


def _run(schema_editor, statements_by_vendor):
    for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement, params=None)


def install(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_INSTALL, "postgresql": POSTGRESQL_INSTALL})


def uninstall(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_UNINSTALL, "postgresql": POSTGRESQL_UNINSTALL})


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
