"""Indicators with targets and measurements, and the reach sketches parties upload."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.agenda.models import Action
from kennisnetwerk.core.models import TimeStampedModel
from kennisnetwerk.ecosystem.models import Initiative, Organisation
from kennisnetwerk.geo.models import Region
from kennisnetwerk.learning.models import Programme

from .constants import DEFAULT_SMALL_CELL, Direction, Frequency, Source, Unit


class Indicator(TimeStampedModel):
    """What a region (or MKB-Deal) measures. It may concern one learning programme,
    initiative or agenda action; the region stays accountable for it."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("region or deal"),
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("learning programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    action = models.ForeignKey(
        Action,
        verbose_name=_("agenda action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    code = models.SlugField(
        _("code"),
        max_length=80,
        help_text=_("Short name that parties give to kennisnetwerk-sketch, e.g. bereik-mkb."),
    )
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"), blank=True)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices, default=Unit.NUMBER)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.UP
    )
    frequency = models.CharField(
        _("period"), max_length=10, choices=Frequency.choices, default=Frequency.YEAR
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    source_detail = models.CharField(
        _("where the figures come from"),
        max_length=250,
        blank=True,
        help_text=_("E.g. the registration system of the Chamber of Commerce, or a survey."),
    )
    metric = models.CharField(
        _("metric of the platform"),
        max_length=80,
        blank=True,
        help_text=_("For computed indicators: which figure of the platform."),
    )
    small_cell = models.PositiveSmallIntegerField(
        _("smallest number shown"),
        default=DEFAULT_SMALL_CELL,
        help_text=_("Reach figures below this number are shown as '< n'."),
    )
    computed_on = models.DateField(
        _("last computed on"),
        null=True,
        blank=True,
        help_text=_("The day the schedule last computed this indicator's figures."),
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["region__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="monitoring_indicator_code"),
            models.CheckConstraint(
                condition=~models.Q(source="berekend") | ~models.Q(metric=""),
                name="monitoring_computed_has_metric",
            ),
            models.CheckConstraint(
                condition=models.Q(small_cell__gte=1), name="monitoring_small_cell_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="targets"
    )
    period = models.CharField(_("period"), max_length=10)
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="monitoring_target_once")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period}: {self.value}"


class Measurement(TimeStampedModel):
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    period = models.CharField(_("period"), max_length=10)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    # Estimates (reach from the parties' sketches) come with their 95 % interval.
    lower = models.DecimalField(
        _("lower bound (95 %)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    upper = models.DecimalField(
        _("upper bound (95 %)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    note = models.CharField(_("note"), max_length=250, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["period"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="monitoring_measurement_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period}: {self.value}"


class ReachSketch(TimeStampedModel):
    """The theta sketch one party uploaded for a reach indicator and period. It is never shown
    or handed out to anyone but that party; only the combined estimates are."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="sketches"
    )
    period = models.CharField(_("period"), max_length=10)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="reach_sketches",
    )
    sketch = models.BinaryField(_("sketch"))
    key_check = models.CharField(_("key check"), max_length=32)
    valid_numbers = models.PositiveIntegerField(_("distinct KVK numbers"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reach sketch")
        verbose_name_plural = _("reach sketches")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "organisation"], name="monitoring_sketch_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.indicator} {self.period}"
