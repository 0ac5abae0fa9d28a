"""The DOE agenda of a region: goals, actions with an owner organisation and the commitments of
contributing parties, progress updates, milestones, and frozen versions for sign-off."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.models import TimeStampedModel
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region

from .constants import DEFAULT_STALE_DAYS, ActionStatus


class Agenda(TimeStampedModel):
    """One joint action agenda of a region (an MKB-Deal area is a region too), or of a learning
    programme. A programme's agenda still has a region: the one whose coordinators lead it."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="agendas"
    )
    programme = models.ForeignKey(
        "learning.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agendas",
        help_text=_("Leave empty for the agenda of the region as a whole."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    stale_after_days = models.PositiveSmallIntegerField(
        _("stale after (days)"),
        default=DEFAULT_STALE_DAYS,
        help_text=_("An open action without a progress update for this many days is stale."),
    )

    class Meta:
        verbose_name = _("DOE agenda")
        verbose_name_plural = _("DOE agendas")
        ordering = ["region__name", "-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="agenda_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(stale_after_days__gte=1), name="agenda_stale_days_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Goal(TimeStampedModel):
    agenda = models.ForeignKey(
        Agenda, verbose_name=_("DOE agenda"), on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class Action(TimeStampedModel):
    """Who does what, by when. A sub-action (``parent``) belongs to the same agenda; the
    progress of an action with sub-actions is rolled up from them."""

    agenda = models.ForeignKey(
        Agenda, verbose_name=_("DOE agenda"), on_delete=models.CASCADE, related_name="actions"
    )
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of action"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("owner organisation"),
        on_delete=models.PROTECT,
        related_name="agenda_actions",
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Receives the reminders; without one, every member of the owner does."),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    last_update_at = models.DateTimeField(_("last progress update"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    source_reference = models.CharField(
        _("source"),
        max_length=100,
        blank=True,
        help_text=_("Where the action comes from, e.g. an agreement in a session report."),
    )
    source_label = models.CharField(_("source description"), max_length=250, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="agenda_action_progress_max_100"
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="agenda_action_not_own_parent"
            ),
            models.UniqueConstraint(
                fields=["agenda", "source_reference"],
                condition=~models.Q(source_reference=""),
                name="agenda_action_source_once",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return self.title


class Contribution(TimeStampedModel):
    """What a contributing party commits to an action: hours, money, people."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="contributions"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="agenda_contributions",
    )
    hours = models.DecimalField(_("hours"), max_digits=9, decimal_places=1, null=True, blank=True)
    money = models.DecimalField(
        _("money (euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    people = models.PositiveSmallIntegerField(_("people"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "organisation"], name="agenda_contribution_once"
            ),
            models.CheckConstraint(
                condition=models.Q(hours__isnull=False)
                | models.Q(money__isnull=False)
                | models.Q(people__isnull=False),
                name="agenda_contribution_something",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.action}"


class ProgressUpdate(models.Model):
    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="updates"
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_label = models.CharField(_("author name"), max_length=255, blank=True)
    text = models.TextField(_("progress"))
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="agenda_update_progress_max_100"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.progress}%"


class Milestone(TimeStampedModel):
    agenda = models.ForeignKey(
        Agenda, verbose_name=_("DOE agenda"), on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("title"), max_length=250)
    date = models.DateField(_("date"))
    reached_on = models.DateField(_("reached on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.title


class AgendaVersion(models.Model):
    """A frozen copy of the agenda as the administrators sign it; later changes are shown as
    the difference with the newest version."""

    agenda = models.ForeignKey(
        Agenda, verbose_name=_("DOE agenda"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    frozen_at = models.DateTimeField(_("frozen at"), auto_now_add=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("frozen by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=250, blank=True)
    content = models.JSONField(_("content"))

    class Meta:
        verbose_name = _("agenda version")
        verbose_name_plural = _("agenda versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "number"], name="agenda_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.agenda} v{self.number}"
