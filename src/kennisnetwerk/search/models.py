from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """One searchable object of another app (an initiative, an organisation…), as the search
    index sees it. Written only by ``search.services``; read through ``search.selectors``.

    ``title_terms`` and ``body_terms`` hold the analysed terms (``search.analysis.analyse``),
    separated by spaces. The full-text index is built from them by the database itself, so it
    follows every write to this table (migration 0002):

    - SQLite: the FTS5 table ``search_searchdocument_fts`` (external content, this table),
      kept in sync by triggers;
    - PostgreSQL: the generated ``tsvector`` column ``search_vector`` with a GIN index.

    A later migration that changes this model must keep them: on SQLite, Django rebuilds a
    table for most field changes and the triggers are lost with the old table (create them
    again, see 0002); on PostgreSQL, the generated column depends on the two term columns.
    """

    kind = models.CharField(
        _("kind"), max_length=50, help_text=_("What the object is, e.g. “initiative”.")
    )
    object_id = models.CharField(_("object id"), max_length=64)
    title = models.TextField(_("title"))
    body = models.TextField(_("text"), blank=True)
    title_terms = models.TextField(_("search terms of the title"), blank=True, editable=False)
    body_terms = models.TextField(_("search terms of the text"), blank=True, editable=False)
    facets = models.JSONField(
        _("facets"),
        default=dict,
        blank=True,
        help_text=_("Values to filter search results on, such as region or theme."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="search_document_unique_kind_object"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"
