from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.models import BackgroundJob, JobStatus, TimeStampedModel

from .constants import InitiativeKind, InitiativeStatus, OrganisationType, TargetDimension

kvk_number_validator = RegexValidator(
    r"^[0-9]{8}$", _("A KVK number consists of exactly 8 digits.")
)


class Organisation(TimeStampedModel):
    """A party (partij) in a regional network: a municipality, the province, KVK, a school…"""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in web addresses"), max_length=200, unique=True)
    type = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text=_("Where the organisation is located."),
    )
    website = models.URLField(_("website"), blank=True)
    kvk_number = models.CharField(
        _("KVK number"),
        max_length=8,
        blank=True,
        validators=[kvk_number_validator],
        help_text=_("Optional; 8 digits."),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_number"],
                condition=~models.Q(kvk_number=""),
                name="ecosystem_organisation_unique_kvk",
                violation_error_message=_("An organisation with this KVK number already exists."),
            ),
            models.CheckConstraint(
                condition=models.Q(kvk_number="") | models.Q(kvk_number__regex=r"^[0-9]{8}$"),
                name="ecosystem_organisation_kvk_8_digits",
                violation_error_message=_("A KVK number has 8 digits."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """A theme of the managed vocabulary (digitalisering, innovatie, …)."""

    slug = models.SlugField(_("short name in web addresses"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Themes no longer in use stay on old entries.")
    )

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class TargetGroup(models.Model):
    """A target group along one dimension: size class, phase or attitude. Sectors are SBI
    sections from the reference data."""

    dimension = models.CharField(_("dimension"), max_length=20, choices=TargetDimension.choices)
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["dimension", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "code"], name="ecosystem_target_group_unique_code"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Initiative(TimeStampedModel):
    """An offer (aanbod) of a party: a programme, project, scheme, instrument, network, event
    series or desk."""

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("short name in web addresses"), max_length=250, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=InitiativeKind.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.ACTIVE,
    )
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("owner organisation"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_initiatives",
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="initiatives"
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="initiatives"
    )
    sbi_sections = models.ManyToManyField(
        "geo.SbiSection",
        verbose_name=_("sectors (SBI sections)"),
        blank=True,
        related_name="initiatives",
        help_text=_("Leave empty when open to every sector."),
    )
    inventory_region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("inventory of region"),
        on_delete=models.PROTECT,
        related_name="inventory",
        help_text=_("The region whose inventory this entry belongs to."),
    )
    regions = models.ManyToManyField(
        "geo.Region",
        verbose_name=_("regions served"),
        blank=True,
        related_name="initiatives_serving",
    )
    municipalities = models.ManyToManyField(
        "geo.Municipality",
        verbose_name=_("municipalities served"),
        blank=True,
        related_name="initiatives",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget (euro)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    funding_source = models.CharField(_("funding source"), max_length=250, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=50, blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    evidence = models.TextField(
        _("what is known to work"),
        blank=True,
        help_text=_("Evidence of effect: evaluations, figures, experiences."),
    )
    evidence_source = models.CharField(_("source of the evidence"), max_length=500, blank=True)
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("Visitors only see published entries.")
    )
    import_key = models.CharField(
        _("import key"),
        max_length=64,
        blank=True,
        help_text=_("Stable identity of the spreadsheet row this entry came from."),
    )

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="ecosystem_initiative_period_in_order",
                violation_error_message=_("The end date must not be before the start date."),
            ),
            models.CheckConstraint(
                condition=models.Q(budget__isnull=True) | models.Q(budget__gte=0),
                name="ecosystem_initiative_budget_not_negative",
                violation_error_message=_("The budget must not be negative."),
            ),
            models.UniqueConstraint(
                fields=["inventory_region", "import_key"],
                condition=~models.Q(import_key=""),
                name="ecosystem_initiative_unique_import_key",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "kind"]),
            # The list is ordered by title; with the index the first page needs no full sort.
            models.Index(fields=["title"], name="ecosystem_initiative_title"),
        ]

    def __str__(self) -> str:
        return self.title


class OverlapDecision(TimeStampedModel):
    """A coordinator's judgement that two similar initiatives are not duplicates. The pair is
    stored with the lower id first, so the decision holds whichever way round it is found."""

    first = models.ForeignKey(
        Initiative,
        verbose_name=_("first initiative"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    second = models.ForeignKey(
        Initiative,
        verbose_name=_("second initiative"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("overlap decision")
        verbose_name_plural = _("overlap decisions")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="ecosystem_overlap_unique"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")),
                name="ecosystem_overlap_ordered_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first} ≠ {self.second}"


# The states of a background job, shared by every job with a progress page.
ImportJobStatus = JobStatus


class InventoryImportJob(BackgroundJob):
    """An inventory import a person confirmed, run in the background. The page that follows it
    reads its status and progress; when it is done it holds what the import did."""

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="import_jobs",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    token = models.CharField(
        _("uploaded file"),
        max_length=64,
        help_text=_("The token of the uploaded file, kept until the import is done."),
    )
    filename = models.CharField(_("file name"), max_length=150)
    only_valid = models.BooleanField(_("only valid rows"), default=False)
    language = models.CharField(
        _("language"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the messages about the file."),
    )
    rows_done = models.PositiveIntegerField(_("rows saved"), default=0)
    rows_total = models.PositiveIntegerField(
        _("rows to save"), default=0, help_text=_("Known once the file has been checked.")
    )
    result = models.JSONField(
        _("result"),
        default=dict,
        blank=True,
        help_text=_("The numbers of new, changed and skipped rows, or the problems found."),
    )

    class Meta:
        verbose_name = _("inventory import")
        verbose_name_plural = _("inventory imports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ImportJobStatus.values),
                name="ecosystem_import_job_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(rows_done__lte=models.F("rows_total")),
                name="ecosystem_import_job_progress_in_range",
            ),
            # One uploaded file is imported by one job at a time (a second click on the
            # button finds the running job).
            models.UniqueConstraint(
                fields=["token"],
                condition=models.Q(status__in=["queued", "running"]),
                name="ecosystem_import_job_one_active_per_file",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename} → {self.region}"
