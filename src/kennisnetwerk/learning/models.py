"""Learning together: programmes (Communities of Practice, intervision series, networks,
excursions, webinar series), regions' applications to join, sessions with registration and
waiting list, reports with lessons and follow-up agreements, learning questions and the
library of practice examples."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.models import TimeStampedModel

from .constants import (
    ACTIVE_REGISTRATION,
    AgreementStatus,
    ApplicationStatus,
    LessonKind,
    LogisticsKind,
    MemberRole,
    ProgrammeKind,
    ProgrammeStatus,
    QuestionStatus,
    RegistrationStatus,
    SessionFormat,
    SessionStatus,
)


class Programme(TimeStampedModel):
    """A series of sessions for a fixed group: a Community of Practice of a region, an
    intervision series between MKB-Deals, a network, an excursion programme or webinars."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in web addresses"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ProgrammeKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ProgrammeStatus.choices, default=ProgrammeStatus.ACTIVE
    )
    description = models.TextField(_("description"), blank=True)
    goals = models.TextField(
        _("goals agreed up front"),
        blank=True,
        help_text=_("What result the programme should deliver."),
    )
    needed = models.TextField(
        _("who is needed"),
        blank=True,
        help_text=_("Which parties and people must take part for the result."),
    )
    regions = models.ManyToManyField(
        "geo.Region", verbose_name=_("regions"), blank=True, related_name="programmes"
    )
    themes = models.ManyToManyField(
        "ecosystem.Theme", verbose_name=_("themes"), blank=True, related_name="programmes"
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="learning_programme_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProgrammeMember(TimeStampedModel):
    """A person in a programme: one of its three or four key persons (core team) or a fixed
    participant. The person chooses what the member directory shows about them."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="programme_memberships",
    )
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(
        _("role in the programme"),
        max_length=20,
        choices=MemberRole.choices,
        default=MemberRole.PARTICIPANT,
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    themes = models.ManyToManyField(
        "ecosystem.Theme",
        verbose_name=_("themes of experience"),
        blank=True,
        related_name="+",
    )
    listed = models.BooleanField(
        _("listed in the member directory"),
        default=True,
        help_text=_("Other members see your name in the directory."),
    )
    show_organisation = models.BooleanField(_("show my organisation and job title"), default=True)
    show_email = models.BooleanField(_("show my e-mail address"), default=False)
    show_themes = models.BooleanField(_("show my themes"), default=True)

    class Meta:
        verbose_name = _("programme member")
        verbose_name_plural = _("programme members")
        ordering = ["role", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "user"], name="learning_member_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.programme}"


class RegionApplication(TimeStampedModel):
    """A region's application to join ("Verkenning deelname regio's"), reviewed by a network
    facilitator; acceptance creates the region's programme."""

    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="learning_applications",
    )
    kind = models.CharField(
        _("kind of programme"),
        max_length=20,
        choices=ProgrammeKind.choices,
        default=ProgrammeKind.COMMUNITY,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    motivation = models.TextField(_("motivation and urgency"))
    administrative_drive = models.TextField(
        _("administrative drive"),
        help_text=_("Which administrators carry the application, and how."),
    )
    themes = models.ManyToManyField("ecosystem.Theme", verbose_name=_("themes"), related_name="+")
    provides_venue = models.BooleanField(_("the region provides a venue"), default=False)
    provides_catering = models.BooleanField(_("the region provides catering"), default=False)
    provides_invitations = models.BooleanField(
        _("the region selects and invites the participants"), default=False
    )
    provisions_note = models.TextField(_("notes on what the region provides"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    review_note = models.TextField(
        _("facilitator's note"),
        blank=True,
        help_text=_("The question for more information, or the reason for declining."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    programme = models.OneToOneField(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="application",
    )

    def provided_items(self) -> list[str]:
        """What the region provides, as words to list ("venue, catering")."""
        return [
            str(label)
            for flag, label in (
                (self.provides_venue, _("venue")),
                (self.provides_catering, _("catering")),
                (self.provides_invitations, _("selecting and inviting participants")),
            )
            if flag
        ]

    class Meta:
        verbose_name = _("region application")
        verbose_name_plural = _("region applications")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=ApplicationStatus.DECLINED) | ~models.Q(review_note=""),
                name="learning_application_decline_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region} ({self.get_kind_display()})"


class ApplicationKeyPerson(models.Model):
    """One of the three or four key persons a region names in its application."""

    application = models.ForeignKey(
        RegionApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="key_persons",
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"))

    class Meta:
        verbose_name = _("key person")
        verbose_name_plural = _("key persons")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class Session(TimeStampedModel):
    """A session (bijeenkomst) of a programme. The online link is shown only to people who
    are registered."""

    # The audit log shows the chosen formats by their names.
    audit_value_choices = {"formats": SessionFormat}

    uid = models.UUIDField(_("calendar identity"), default=uuid.uuid4, unique=True, editable=False)
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(
        _("online link"),
        max_length=500,
        blank=True,
        help_text=_("Only people who are registered see this link."),
    )
    formats = models.JSONField(_("formats"), default=list, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), help_text=_("How many people can take part.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.OPEN
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Writes the report; receives the reminder when it is missing."),
    )
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0)
    cancellation_reason = models.TextField(
        _("reason for cancelling"),
        blank=True,
        help_text=_("Told to everyone who registered or is on the waiting list."),
    )
    report_reminder_sent_at = models.DateTimeField(
        _("report reminder sent at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="learning_session_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="learning_session_capacity_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def has_started(self, now: dt.datetime | None = None) -> bool:
        return self.starts_at <= (now or timezone.now())

    @property
    def format_labels(self) -> list[str]:
        return [SessionFormat(f).label for f in self.formats if f in SessionFormat.values]


class GuestExpert(models.Model):
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="guest_experts"
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("guest expert")
        verbose_name_plural = _("guest experts")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class AgendaItem(models.Model):
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    starts = models.TimeField(_("time"), null=True, blank=True)
    title = models.CharField(_("item"), max_length=300)
    format = models.CharField(_("format"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["order", "starts", "pk"]

    def __str__(self) -> str:
        return self.title


class LogisticsTask(models.Model):
    """A line of a session's logistics checklist, with the organisation responsible."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="logistics"
    )
    kind = models.CharField(_("what"), max_length=20, choices=LogisticsKind.choices)
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("organisation responsible"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    done = models.BooleanField(_("arranged"), default=False)

    class Meta:
        verbose_name = _("logistics task")
        verbose_name_plural = _("logistics checklist")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.get_kind_display()


class Registration(TimeStampedModel):
    """A place at a session, or a place on its waiting list. Members register with their
    account; invited guests through a signed link, with name and address only. The waiting
    list is served in the order of ``created_at``/``pk``."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="session_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    is_guest = models.BooleanField(_("invited guest"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    promoted_at = models.DateTimeField(
        _("moved up from the waiting list at"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    # Raised on cancellation, so an old cancellation link does nothing to a new registration.
    link_version = models.PositiveIntegerField(_("link version"), default=1)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "session",
                Lower("email"),
                condition=models.Q(status__in=ACTIVE_REGISTRATION),
                name="learning_registration_one_active_per_person",
                violation_error_message=_("You are already registered for this session."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=RegistrationStatus.values),
                name="learning_registration_status_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.session} ({self.get_status_display()})"


class PracticeExample(TimeStampedModel):
    """A practice example (praktijkvoorbeeld): an approach that worked, or did not, told so
    that others can use it."""

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("short name in web addresses"), max_length=250, unique=True)
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="practice_examples",
    )
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="practice_examples",
    )
    themes = models.ManyToManyField(
        "ecosystem.Theme", verbose_name=_("themes"), blank=True, related_name="practice_examples"
    )
    summary = models.TextField(_("summary"))
    approach = models.TextField(_("approach"))
    results = models.TextField(_("results"), blank=True)
    dos = models.TextField(_("do's"), blank=True)
    donts = models.TextField(_("don'ts"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("Visitors only see published examples.")
    )

    class Meta:
        verbose_name = _("practice example")
        verbose_name_plural = _("practice examples")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


def _random_name(folder: str, filename: str) -> str:
    # The stored name is random; the original name is kept in a field and used on download.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{folder}/{uuid.uuid4().hex}.{suffix}"


def _attachment_path(instance: "PracticeAttachment", filename: str) -> str:
    return _random_name("learning/practice", filename)


class StoredFile(TimeStampedModel):
    """A file someone uploaded: stored under a random name, with the original name (used on
    download), the type read from its content, and its size. Subclasses add ``file`` with
    their own folder."""

    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        abstract = True


class PracticeAttachment(StoredFile):
    example = models.ForeignKey(
        PracticeExample,
        verbose_name=_("practice example"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to=_attachment_path, max_length=200)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename


def _document_path(instance: "ProgrammeDocument", filename: str) -> str:
    return _random_name("learning/documents", filename)


class ProgrammeDocument(StoredFile):
    """A document shared in a programme (plan of approach, presentation, minutes of the core
    team), for its members only."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=_document_path, max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("programme document")
        verbose_name_plural = _("programme documents")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


def _slides_path(instance: "SessionReport", filename: str) -> str:
    return _random_name("learning/slides", filename)


class SessionReport(TimeStampedModel):
    session = models.OneToOneField(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="report"
    )
    minutes = models.TextField(_("minutes"))
    recording_url = models.URLField(
        _("recording link"),
        max_length=500,
        blank=True,
        help_text=_("Where the recording can be watched (a secure https:// link)."),
    )
    slides = models.FileField(_("slides"), upload_to=_slides_path, max_length=200, blank=True)
    slides_filename = models.CharField(_("file name of the slides"), max_length=200, blank=True)
    slides_content_type = models.CharField(_("file type of the slides"), max_length=100, blank=True)
    slides_size = models.PositiveIntegerField(
        _("size of the slides in bytes"), null=True, blank=True
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    practice_examples = models.ManyToManyField(
        PracticeExample,
        verbose_name=_("practice examples discussed"),
        blank=True,
        related_name="reports",
    )

    class Meta:
        verbose_name = _("session report")
        verbose_name_plural = _("session reports")

    def __str__(self) -> str:
        return str(self.session)


class Lesson(TimeStampedModel):
    """A lesson from a session: a do or a don't, with the context it holds in."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="lessons"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=LessonKind.choices)
    text = models.CharField(_("lesson"), max_length=500)
    context = models.TextField(_("context"), blank=True)
    themes = models.ManyToManyField(
        "ecosystem.Theme", verbose_name=_("themes"), blank=True, related_name="lessons"
    )

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text


class SessionAgreement(TimeStampedModel):
    """A follow-up agreement made in a session: who does what by when. Stored so that the
    DOE agenda can take it over as an action (status "taken over", with a reference)."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="agreements"
    )
    description = models.CharField(_("what"), max_length=500)
    owner_organisation = models.ForeignKey(
        "ecosystem.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="session_agreements",
    )
    owner_name = models.CharField(_("person"), max_length=200, blank=True)
    due_date = models.DateField(_("by when"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.OPEN,
        db_index=True,
    )
    adopted_ref = models.CharField(
        _("action in the DOE agenda"),
        max_length=100,
        blank=True,
        help_text=_("Filled in when the DOE agenda takes the agreement over."),
    )

    class Meta:
        verbose_name = _("follow-up agreement")
        verbose_name_plural = _("follow-up agreements")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner_organisation__isnull=False) | ~models.Q(owner_name=""),
                name="learning_agreement_has_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.description


class LearningQuestion(TimeStampedModel):
    """A learning question (leervraag) of a region, deal or member, answered by linking
    sessions, practice examples or people."""

    title = models.CharField(_("question"), max_length=300)
    description = models.TextField(_("explanation"), blank=True)
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region or deal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_questions",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_questions",
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("raised by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = models.ManyToManyField(
        "ecosystem.Theme", verbose_name=_("themes"), blank=True, related_name="learning_questions"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.OPEN
    )
    answer = models.TextField(_("answer"), blank=True)
    sessions = models.ManyToManyField(
        Session, verbose_name=_("sessions"), blank=True, related_name="learning_questions"
    )
    practice_examples = models.ManyToManyField(
        PracticeExample,
        verbose_name=_("practice examples"),
        blank=True,
        related_name="learning_questions",
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("people to ask"),
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("learning question")
        verbose_name_plural = _("learning questions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title
