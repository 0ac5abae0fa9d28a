from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.models import TimeStampedModel

from .constants import (
    QUESTION_MAX_LENGTH,
    FeedbackKind,
    NeedSource,
    NeedStatus,
    SizeClass,
    Urgency,
)


class Need(TimeStampedModel):
    """An entrepreneur's question or bottleneck (vraag), in their own words. The question is
    plain text: it is stored as typed and always shown escaped, never as HTML."""

    region = models.ForeignKey(
        "geo.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="needs"
    )
    question = models.TextField(
        _("question"), help_text=_("The question or bottleneck in the entrepreneur's own words.")
    )
    themes = models.ManyToManyField(
        "ecosystem.Theme", verbose_name=_("themes"), blank=True, related_name="needs"
    )
    sbi_section = models.ForeignKey(
        "geo.SbiSection",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs",
    )
    size_class = models.CharField(
        _("size class"), max_length=20, choices=SizeClass.choices, blank=True
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs",
    )
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=NeedSource.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    company_name = models.CharField(_("company name"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=50, blank=True)
    follow_up_consent = models.BooleanField(
        _("consent for follow-up"),
        default=False,
        help_text=_("The entrepreneur agreed to be contacted about this question."),
    )
    consent_text = models.TextField(_("consent text"), blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs",
        help_text=_("The party whose account manager recorded the question."),
    )
    source_reference = models.CharField(
        _("source reference"),
        max_length=200,
        blank=True,
        help_text=_("For example the survey's file name and row, or the session."),
    )
    sender_hash = models.CharField(
        _("sender fingerprint"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A keyed hash of the address a form was sent from, to limit floods."),
    )
    best_score = models.FloatField(
        _("best match score"),
        null=True,
        blank=True,
        help_text=_("The score of the best matching offer when matches were last computed."),
    )
    matched_at = models.DateTimeField(_("matched at"), null=True, blank=True)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(LessThanOrEqual(Length("question"), QUESTION_MAX_LENGTH))
                & ~models.Q(question=""),
                name="needs_need_question_length",
                violation_error_message=_("A question has 1 to 5000 characters."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=NeedStatus.values),
                name="needs_need_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(follow_up_consent=False) | models.Q(consent_at__isnull=False),
                name="needs_need_consent_recorded",
            ),
        ]
        indexes = [
            models.Index(fields=["region", "status"]),
            models.Index(fields=["sender_hash", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.summary

    @property
    def summary(self) -> str:
        text = " ".join(self.question.split())
        return text if len(text) <= 80 else text[:79].rstrip() + "…"


class NeedMatch(models.Model):
    """An offer found for a need when matches were last computed, with its score. Kept so that
    the gap report need not match every question again."""

    need = models.ForeignKey(
        Need, verbose_name=_("need"), on_delete=models.CASCADE, related_name="matches"
    )
    initiative = models.ForeignKey(
        "ecosystem.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="need_matches",
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("score"))

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["need", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["need", "initiative"], name="needs_match_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.need_id} → {self.initiative_id} ({self.score:.2f})"


class MatchFeedback(TimeStampedModel):
    """An account manager's judgement of an offer for a need: referred, helpful or not."""

    need = models.ForeignKey(
        Need, verbose_name=_("need"), on_delete=models.CASCADE, related_name="feedback"
    )
    initiative = models.ForeignKey(
        "ecosystem.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="need_feedback",
    )
    kind = models.CharField(_("feedback"), max_length=20, choices=FeedbackKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("given by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("match feedback")
        verbose_name_plural = _("match feedback")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "initiative", "kind"], name="needs_feedback_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=FeedbackKind.values),
                name="needs_feedback_kind_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.need_id} → {self.initiative_id}: {self.kind}"


class ThesaurusGroup(TimeStampedModel):
    """Words that count as synonyms when questions are matched to offers. Groups without a
    region are the network's defaults; a region's coordinators add their own groups or replace
    a default for their region (a replacement that is switched off removes it there)."""

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thesaurus_groups",
        help_text=_("Empty for the network's default groups."),
    )
    name = models.CharField(_("name"), max_length=100)
    terms = models.TextField(
        _("words"), help_text=_("Words or short phrases that mean the same, separated by commas.")
    )
    theme = models.ForeignKey(
        "ecosystem.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A question using these words is about this theme."),
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("replaces default"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replacements",
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("thesaurus group")
        verbose_name_plural = _("thesaurus groups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "replaces"],
                condition=models.Q(replaces__isnull=False),
                name="needs_thesaurus_one_replacement_per_region",
            ),
            models.CheckConstraint(
                condition=models.Q(replaces__isnull=True) | models.Q(region__isnull=False),
                name="needs_thesaurus_replacement_has_region",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def term_list(self) -> list[str]:
        return [t.strip() for t in self.terms.replace("\n", ",").split(",") if t.strip()]
