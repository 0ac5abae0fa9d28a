from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Base for every domain model: when it was created and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AuditAction(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("updated")
    DELETE = "delete", _("deleted")
    LOGIN = "login", _("logged in")
    INVITE = "invite", _("invited")
    ACCEPT = "accept", _("accepted")
    EXPORT = "export", _("exported")
    ERASE = "erase", _("erased")
    IMPORT = "import", _("imported")


class AuditLogEntry(models.Model):
    """One change made by a person (or by the system on someone's behalf).

    Written by services only. The actor is kept as a label too, so the entry stays readable
    after the actor's account has been erased.
    """

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("actor name"), max_length=255, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), null=True, blank=True, on_delete=models.SET_NULL
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=255)
    changes = models.JSONField(
        _("changed fields"),
        default=dict,
        blank=True,
        help_text=_("For each field, the old and the new value."),
    )
    message = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"
        )


class ChangeStamp(models.Model):
    """When a kind of data last changed (``offer``, ``thesaurus``). Results derived from it in
    the background (the stored matches of questions) compare their own time with the stamp,
    so a page never shows a result older than what it is about; see ``core/stamps.py``."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("change stamp")
        verbose_name_plural = _("change stamps")

    def __str__(self) -> str:
        return f"{self.name}: {self.changed_at:%Y-%m-%d %H:%M:%S}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class BackgroundJob(TimeStampedModel):
    """Base of a job that runs in the background and has a page that follows it. While it
    runs, its worker process is recorded and beats (``heartbeat_at``); a job whose worker
    died is marked failed (``core/jobs.py``), so its page resolves and it can be started
    again."""

    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    worker = models.CharField(
        _("worker process"),
        max_length=200,
        blank=True,
        help_text=_("The machine and process that runs the job."),
    )
    heartbeat_at = models.DateTimeField(
        _("last sign of life"),
        null=True,
        blank=True,
        help_text=_("The worker updates this while the job runs."),
    )

    class Meta:
        abstract = True

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
