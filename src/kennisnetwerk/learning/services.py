"""Writes of programmes, their members, regions' applications, practice examples and
learning questions. Sessions, registration and reports are in ``services_sessions``.
Every change is audit-logged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log, diff, snapshot
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.ecosystem.models import Organisation, Theme
from kennisnetwerk.geo.models import Region

from . import notify
from .constants import (
    ApplicationStatus,
    MemberRole,
    ProgrammeKind,
    ProgrammeStatus,
    QuestionStatus,
)
from .models import (
    ApplicationKeyPerson,
    LearningQuestion,
    PracticeAttachment,
    PracticeExample,
    Programme,
    ProgrammeDocument,
    ProgrammeMember,
    RegionApplication,
)
from .search_index import practice_index_on_commit
from .uploads import attachment_type

MIN_KEY_PERSONS = 3
MAX_KEY_PERSONS = 4
MAX_ATTACHMENTS = 10


def unique_slug(model, text: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(text)[:180] or "item"
    slug, n = base, 1
    qs = model.objects.all()
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# --- Programmes and members -------------------------------------------------------------------

PROGRAMME_FIELDS = (
    "title",
    "kind",
    "status",
    "description",
    "goals",
    "needed",
    "start_date",
    "end_date",
)


@dataclass
class ProgrammeData:
    title: str
    kind: str
    description: str = ""
    goals: str = ""
    needed: str = ""
    status: str = ProgrammeStatus.ACTIVE
    regions: Sequence[Region] = ()
    themes: Sequence[Theme] = ()
    start_date: dt.date | None = None
    end_date: dt.date | None = None


def _programme_validate(data: ProgrammeData) -> None:
    errors: dict[str, list[str]] = {}
    if not data.title.strip():
        errors["title"] = [_("Enter a title.")]
    if data.kind not in ProgrammeKind.values:
        errors["kind"] = [_("Choose the kind of programme.")]
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors["end_date"] = [_("The end date must not be before the start date.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def programme_create(*, data: ProgrammeData, actor) -> Programme:
    _programme_validate(data)
    programme = Programme.objects.create(
        slug=unique_slug(Programme, data.title),
        **{name: getattr(data, name) for name in PROGRAMME_FIELDS},
    )
    programme.regions.set(data.regions)
    programme.themes.set(data.themes)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=programme,
        changes=snapshot(programme, PROGRAMME_FIELDS),
    )
    return programme


@transaction.atomic
def programme_update(*, programme: Programme, data: ProgrammeData, actor) -> Programme:
    _programme_validate(data)
    before = snapshot(programme, PROGRAMME_FIELDS)
    for name in PROGRAMME_FIELDS:
        setattr(programme, name, getattr(data, name))
    programme.save()
    programme.regions.set(data.regions)
    programme.themes.set(data.themes)
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=programme,
        changes=diff(before, snapshot(programme, PROGRAMME_FIELDS)),
    )
    return programme


@transaction.atomic
def member_add(
    *,
    programme: Programme,
    user,
    actor,
    role: str = MemberRole.PARTICIPANT,
    organisation: Organisation | None = None,
    job_title: str = "",
    themes: Sequence[Theme] = (),
) -> ProgrammeMember:
    """Add a person to the programme, or change their role when they are in it already."""
    if role not in MemberRole.values:
        raise ValidationError({"role": [_("Choose a role.")]})
    if organisation is None:
        membership = user.memberships.select_related("organisation").first()
        organisation = membership.organisation if membership else None
    member, created = ProgrammeMember.objects.get_or_create(
        programme=programme,
        user=user,
        defaults={"role": role, "organisation": organisation, "job_title": job_title},
    )
    if not created and member.role != role:
        member.role = role
        member.save(update_fields=["role", "updated_at"])
    if themes:
        member.themes.set(themes)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=member,
        changes={"role": role},
    )
    return member


@transaction.atomic
def member_remove(*, member: ProgrammeMember, actor) -> None:
    audit_log(actor=actor, action=AuditAction.DELETE, obj=member)
    member.delete()


VISIBILITY_FIELDS = ("listed", "show_organisation", "show_email", "show_themes", "job_title")


@transaction.atomic
def member_visibility_update(
    *,
    member: ProgrammeMember,
    listed: bool,
    show_organisation: bool,
    show_email: bool,
    show_themes: bool,
    job_title: str,
    themes: Sequence[Theme],
    actor,
) -> ProgrammeMember:
    """What the member directory shows about a person; they choose it themselves."""
    before = snapshot(member, VISIBILITY_FIELDS)
    member.listed = listed
    member.show_organisation = show_organisation
    member.show_email = show_email
    member.show_themes = show_themes
    member.job_title = job_title.strip()
    member.save()
    member.themes.set(themes)
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=member,
        changes=diff(before, snapshot(member, VISIBILITY_FIELDS)),
    )
    return member


# --- Region applications ----------------------------------------------------------------------


@dataclass
class KeyPersonData:
    name: str
    organisation: str
    email: str
    role: str = ""


@dataclass
class ApplicationData:
    region: Region
    motivation: str
    administrative_drive: str
    themes: Sequence[Theme]
    key_persons: Sequence[KeyPersonData]
    kind: str = ProgrammeKind.COMMUNITY
    provides_venue: bool = False
    provides_catering: bool = False
    provides_invitations: bool = False
    provisions_note: str = ""


def application_validate(*, data: ApplicationData) -> list[KeyPersonData]:
    """The key persons filled in, or a ``ValidationError`` naming each part that is missing."""
    errors: dict[str, list[str]] = {}
    persons = [p for p in data.key_persons if p.name.strip() or p.email.strip()]
    for person in persons:
        if not person.name.strip() or not person.organisation.strip() or not person.email.strip():
            errors.setdefault("key_persons", []).append(
                _("Give every key person a name, an organisation and an e-mail address.")
            )
            break
        try:
            validate_email(person.email.strip())
        except ValidationError:
            errors.setdefault("key_persons", []).append(
                _("%(email)s is not a valid e-mail address.") % {"email": person.email}
            )
    if len(persons) < MIN_KEY_PERSONS:
        errors.setdefault("key_persons", []).append(
            _(
                "Name at least %(min)d key persons (the three or four people who carry the "
                "programme in the region); you named %(count)d."
            )
            % {"min": MIN_KEY_PERSONS, "count": len(persons)}
        )
    elif len(persons) > MAX_KEY_PERSONS:
        errors.setdefault("key_persons", []).append(
            _("Name at most %(max)d key persons.") % {"max": MAX_KEY_PERSONS}
        )
    if not data.motivation.strip():
        errors["motivation"] = [_("Describe the motivation and the urgency.")]
    if not data.administrative_drive.strip():
        errors["administrative_drive"] = [_("Describe which administrators carry the application.")]
    if not data.themes:
        errors["themes"] = [_("Choose at least one theme.")]
    if data.kind not in ProgrammeKind.values:
        errors["kind"] = [_("Choose the kind of programme.")]
    if errors:
        raise ValidationError(errors)
    return persons


@transaction.atomic
def application_submit(*, data: ApplicationData, actor) -> RegionApplication:
    """A region applies to join; the facilitators review the application."""
    persons = application_validate(data=data)
    application = RegionApplication.objects.create(
        region=data.region,
        kind=data.kind,
        submitted_by=actor,
        motivation=data.motivation.strip(),
        administrative_drive=data.administrative_drive.strip(),
        provides_venue=data.provides_venue,
        provides_catering=data.provides_catering,
        provides_invitations=data.provides_invitations,
        provisions_note=data.provisions_note.strip(),
    )
    application.themes.set(data.themes)
    ApplicationKeyPerson.objects.bulk_create(
        ApplicationKeyPerson(
            application=application,
            name=p.name.strip(),
            organisation=p.organisation.strip(),
            role=p.role.strip(),
            email=p.email.strip().lower(),
        )
        for p in persons
    )
    audit_log(actor=actor, action=AuditAction.CREATE, obj=application)
    notify.application_submitted_notify(application=application, actor=actor)
    return application


@transaction.atomic
def application_update(
    *, application: RegionApplication, data: ApplicationData, actor
) -> RegionApplication:
    """The applicant supplements an application the facilitator asked more about; it goes
    back to the facilitators."""
    if application.status != ApplicationStatus.MORE_INFO:
        raise ValidationError(_("This application can no longer be changed."))
    persons = application_validate(data=data)
    for name in (
        "kind",
        "provides_venue",
        "provides_catering",
        "provides_invitations",
    ):
        setattr(application, name, getattr(data, name))
    application.motivation = data.motivation.strip()
    application.administrative_drive = data.administrative_drive.strip()
    application.provisions_note = data.provisions_note.strip()
    application.status = ApplicationStatus.SUBMITTED
    application.save()
    application.themes.set(data.themes)
    application.key_persons.all().delete()
    ApplicationKeyPerson.objects.bulk_create(
        ApplicationKeyPerson(
            application=application,
            name=p.name.strip(),
            organisation=p.organisation.strip(),
            role=p.role.strip(),
            email=p.email.strip().lower(),
        )
        for p in persons
    )
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=application, message="Supplemented.")
    notify.application_submitted_notify(application=application, actor=actor)
    return application


REVIEWABLE = (ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_INFO)


@transaction.atomic
def application_review(
    *, application: RegionApplication, decision: str, note: str, actor
) -> RegionApplication:
    """Accept (creates the region's programme, with the applicant and the key persons who
    have an account in its core team), ask for more information, or decline with a
    reason."""
    application = RegionApplication.objects.select_for_update().get(pk=application.pk)
    if application.status not in REVIEWABLE:
        raise ValidationError(_("This application has already been decided on."))
    note = note.strip()
    if decision in (ApplicationStatus.DECLINED, ApplicationStatus.MORE_INFO) and not note:
        raise ValidationError(
            {
                "note": [
                    _("Give the reason for declining.")
                    if decision == ApplicationStatus.DECLINED
                    else _("Say what more you need to know.")
                ]
            }
        )
    if decision not in (
        ApplicationStatus.ACCEPTED,
        ApplicationStatus.MORE_INFO,
        ApplicationStatus.DECLINED,
    ):
        raise ValidationError(_("Choose a decision."))
    before = snapshot(application, ["status", "review_note"])
    application.status = decision
    application.review_note = note
    application.reviewed_by = actor
    application.reviewed_at = timezone.now()
    if decision == ApplicationStatus.ACCEPTED:
        application.programme = _programme_from_application(application, actor)
    application.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=application,
        changes=diff(before, snapshot(application, ["status", "review_note"])),
    )
    notify.application_decided_notify(application=application, actor=actor)
    return application


def _programme_from_application(application: RegionApplication, actor) -> Programme:
    from kennisnetwerk.accounts.models import User

    kind = ProgrammeKind(application.kind)
    title = f"{kind.label} {application.region.name}"
    provided = application.provided_items()
    programme = programme_create(
        data=ProgrammeData(
            title=str(title),
            kind=application.kind,
            status=ProgrammeStatus.PLANNED,
            description=application.motivation,
            goals="",
            needed=(_("The region provides: %(items)s.") % {"items": ", ".join(provided)})
            if provided
            else "",
            regions=[application.region],
            themes=list(application.themes.all()),
        ),
        actor=actor,
    )
    emails = [p.email for p in application.key_persons.all()]
    people = list(User.objects.filter(email__in=emails))
    if application.submitted_by is not None and application.submitted_by not in people:
        people.append(application.submitted_by)
    for person in people:
        member_add(programme=programme, user=person, role=MemberRole.CORE_TEAM, actor=actor)
    return programme


# --- Practice examples -----------------------------------------------------------------------

PRACTICE_FIELDS = (
    "title",
    "summary",
    "approach",
    "results",
    "dos",
    "donts",
    "contact_name",
    "contact_email",
    "is_published",
)


@dataclass
class PracticeData:
    title: str
    organisation: Organisation
    region: Region
    summary: str
    approach: str
    results: str = ""
    dos: str = ""
    donts: str = ""
    contact_name: str = ""
    contact_email: str = ""
    is_published: bool = True
    themes: Sequence[Theme] = ()
    attachments: Sequence = field(default_factory=list)  # uploaded files


def _practice_validate(data: PracticeData, existing: int = 0) -> list[tuple]:
    errors: dict[str, list[str]] = {}
    if not data.title.strip():
        errors["title"] = [_("Enter a title.")]
    if not data.summary.strip():
        errors["summary"] = [_("Summarise the example in a few sentences.")]
    if not data.approach.strip():
        errors["approach"] = [_("Describe the approach.")]
    checked = []
    for upload in data.attachments:
        try:
            checked.append((upload, *attachment_type(upload)))
        except ValidationError as error:
            errors.setdefault("attachments", []).extend(error.messages)
    if existing + len(data.attachments) > MAX_ATTACHMENTS:
        errors.setdefault("attachments", []).append(
            _("A practice example has at most %(max)d attachments.") % {"max": MAX_ATTACHMENTS}
        )
    if errors:
        raise ValidationError(errors)
    return checked


def _attach(example: PracticeExample, checked: list[tuple]) -> None:
    for upload, suffix, content_type in checked:
        name = upload.name.rsplit("/", 1)[-1][:200]
        attachment = PracticeAttachment(
            example=example, filename=name, content_type=content_type, size=upload.size
        )
        attachment.file.save(f"bijlage.{suffix}", upload, save=False)
        attachment.save()


@transaction.atomic
def practice_create(*, data: PracticeData, actor) -> PracticeExample:
    """Add a practice example to the library (searchable once committed). Attachments are
    checked completely before anything is stored."""
    checked = _practice_validate(data)
    example = PracticeExample.objects.create(
        slug=unique_slug(PracticeExample, data.title),
        organisation=data.organisation,
        region=data.region,
        created_by=actor,
        **{
            name: getattr(data, name).strip()
            if isinstance(getattr(data, name), str)
            else getattr(data, name)
            for name in PRACTICE_FIELDS
        },
    )
    example.themes.set(data.themes)
    _attach(example, checked)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=example,
        changes=snapshot(example, PRACTICE_FIELDS),
    )
    practice_index_on_commit(example)
    return example


@transaction.atomic
def practice_update(
    *,
    example: PracticeExample,
    data: PracticeData,
    actor,
    remove_attachments: Sequence[int] = (),
) -> PracticeExample:
    remaining = example.attachments.exclude(pk__in=remove_attachments).count()
    checked = _practice_validate(data, existing=remaining)
    before = snapshot(example, PRACTICE_FIELDS)
    for name in PRACTICE_FIELDS:
        value = getattr(data, name)
        setattr(example, name, value.strip() if isinstance(value, str) else value)
    example.organisation = data.organisation
    example.region = data.region
    example.save()
    example.themes.set(data.themes)
    for attachment in example.attachments.filter(pk__in=remove_attachments):
        path = attachment.file.name
        storage = attachment.file.storage
        attachment.delete()
        transaction.on_commit(lambda path=path, storage=storage: storage.delete(path))
    _attach(example, checked)
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=example,
        changes=diff(before, snapshot(example, PRACTICE_FIELDS)),
    )
    practice_index_on_commit(example)
    return example


# --- Learning questions ------------------------------------------------------------------------


@dataclass
class QuestionData:
    title: str
    description: str = ""
    region: Region | None = None
    programme: Programme | None = None
    themes: Sequence[Theme] = ()


@transaction.atomic
def question_create(*, data: QuestionData, actor) -> LearningQuestion:
    """Raise a learning question for the network (for a region or deal, or as a member)."""
    if not data.title.strip():
        raise ValidationError({"title": [_("Enter the question.")]})
    question = LearningQuestion.objects.create(
        title=data.title.strip(),
        description=data.description.strip(),
        region=data.region,
        programme=data.programme,
        raised_by=actor,
    )
    question.themes.set(data.themes)
    audit_log(actor=actor, action=AuditAction.CREATE, obj=question)
    notify.question_created_notify(question=question, actor=actor)
    return question


@transaction.atomic
def question_answer(
    *,
    question: LearningQuestion,
    answer: str,
    status: str,
    sessions: Sequence = (),
    practice_examples: Sequence = (),
    people: Sequence = (),
    actor,
) -> LearningQuestion:
    """Answer a question by linking sessions, practice examples or people (and a text)."""
    if status not in QuestionStatus.values:
        raise ValidationError({"status": [_("Choose a status.")]})
    if status == QuestionStatus.ANSWERED and not (
        answer.strip() or sessions or practice_examples or people
    ):
        raise ValidationError(
            _(
                "An answered question needs an answer: a text, a session, a practice example "
                "or a person."
            )
        )
    before = snapshot(question, ["status", "answer"])
    question.answer = answer.strip()
    question.status = status
    question.save()
    question.sessions.set(sessions)
    question.practice_examples.set(practice_examples)
    question.people.set(people)
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=question,
        changes=diff(before, snapshot(question, ["status", "answer"])),
    )
    return question


# --- Programme documents -----------------------------------------------------------------------


@transaction.atomic
def programme_document_add(*, programme: Programme, title: str, upload, actor) -> ProgrammeDocument:
    """Share a document with the programme's members. The type is read from the content and
    the size checked before anything is stored."""
    title = (title or "").strip()
    errors: dict[str, list[str]] = {}
    if not title:
        errors["title"] = [_("Give the document a title.")]
    if upload is None:
        errors["file"] = [_("Choose a file.")]
    else:
        try:
            suffix, content_type = attachment_type(upload)
        except ValidationError as error:
            errors["file"] = error.messages
    if errors:
        raise ValidationError(errors)
    document = ProgrammeDocument(
        programme=programme,
        title=title[:200],
        filename=upload.name.rsplit("/", 1)[-1][:200],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    document.file.save(f"document.{suffix}", upload, save=False)
    document.save()
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=document,
        changes={
            "programme": [None, programme.title],
            "title": [None, document.title],
            "filename": [None, document.filename],
        },
    )
    notify.document_added_notify(document=document, actor=actor)
    return document


@transaction.atomic
def programme_document_remove(*, document: ProgrammeDocument, actor) -> None:
    path, storage = document.file.name, document.file.storage
    audit_log(
        actor=actor,
        action=AuditAction.DELETE,
        obj=document,
        changes={"title": [document.title, None], "filename": [document.filename, None]},
    )
    document.delete()
    transaction.on_commit(lambda: storage.delete(path))
