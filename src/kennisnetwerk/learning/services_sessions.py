"""Writes of sessions: planning them (formats, guest experts, agenda, logistics, capacity),
registration with a waiting list, cancellation, attendance, guest invitations, and the
report with lessons and follow-up agreements. Every change is audit-logged; mails go out
after the commit.

Capacity is enforced inside the transaction: the session row is locked (SELECT … FOR UPDATE
on PostgreSQL; SQLite takes its write lock when the transaction starts, see the settings), so
concurrent registrations are counted one after the other and never overbook. The waiting
list is served first come, first served."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log, diff, snapshot
from kennisnetwerk.core.formatting import format_datetime
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.ecosystem.models import Organisation, Theme

from . import notify
from .constants import (
    AgreementStatus,
    LessonKind,
    LogisticsKind,
    RegistrationStatus,
    SessionFormat,
    SessionStatus,
)
from .models import (
    AgendaItem,
    GuestExpert,
    Lesson,
    LogisticsTask,
    PracticeExample,
    Programme,
    Registration,
    Session,
    SessionAgreement,
    SessionReport,
)
from .search_index import lesson_index_on_commit, lessons_unindex_on_commit
from .uploads import attachment_type

SESSION_FIELDS = (
    "title",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "online_url",
    "formats",
    "capacity",
    "status",
    "organiser",
)
# Changes that calendar programs must pick up.
CALENDAR_FIELDS = ("title", "description", "starts_at", "ends_at", "place", "online_url")


@dataclass
class GuestExpertData:
    name: str
    organisation: str = ""
    topic: str = ""


@dataclass
class AgendaItemData:
    title: str
    starts: dt.time | None = None
    format: str = ""


@dataclass
class LogisticsData:
    kind: str
    organisation: Organisation | None = None
    note: str = ""
    done: bool = False


@dataclass
class SessionData:
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int
    description: str = ""
    place: str = ""
    online_url: str = ""
    formats: Sequence[str] = ()
    status: str = SessionStatus.OPEN
    organiser: object | None = None
    guest_experts: Sequence[GuestExpertData] = ()
    agenda: Sequence[AgendaItemData] = ()
    logistics: Sequence[LogisticsData] = ()


def session_validate(*, data: SessionData) -> None:
    errors: dict[str, list[str]] = {}
    if not data.title.strip():
        errors.setdefault("title", []).append(_("Enter a title."))
    if data.ends_at <= data.starts_at:
        errors.setdefault("ends_at", []).append(_("The session must end after it starts."))
    if data.capacity < 1:
        errors.setdefault("capacity", []).append(_("At least one person must be able to come."))
    if data.online_url.strip() and not _is_secure_link(data.online_url):
        errors.setdefault("online_url", []).append(
            _("Use a secure link that starts with https://.")
        )
    if not data.place.strip() and not data.online_url.strip():
        errors.setdefault("place", []).append(
            _("Enter a place, an online link, or both (for a hybrid session).")
        )
    unknown = [f for f in data.formats if f not in SessionFormat.values]
    if unknown:
        errors.setdefault("formats", []).append(_("Choose formats from the list."))
    if any(item.kind not in LogisticsKind.values for item in data.logistics):
        errors.setdefault("logistics", []).append(_("Choose what each logistics line is about."))
    if errors:
        raise ValidationError(errors)


def _write_parts(session: Session, data: SessionData) -> None:
    session.guest_experts.all().delete()
    GuestExpert.objects.bulk_create(
        GuestExpert(
            session=session, name=g.name.strip(), organisation=g.organisation, topic=g.topic
        )
        for g in data.guest_experts
        if g.name.strip()
    )
    session.agenda_items.all().delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(
            session=session, order=i, starts=a.starts, title=a.title.strip(), format=a.format
        )
        for i, a in enumerate(data.agenda)
        if a.title.strip()
    )
    session.logistics.all().delete()
    LogisticsTask.objects.bulk_create(
        LogisticsTask(
            session=session,
            kind=item.kind,
            organisation=item.organisation,
            note=item.note,
            done=item.done,
        )
        for item in data.logistics
    )


def _values(data: SessionData) -> dict:
    return {
        "title": data.title.strip(),
        "description": data.description.strip(),
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "place": data.place.strip(),
        "online_url": data.online_url.strip(),
        "formats": list(dict.fromkeys(data.formats)),
        "capacity": data.capacity,
        "status": data.status,
        "organiser": data.organiser,
    }


@transaction.atomic
def session_create(*, programme: Programme, data: SessionData, actor) -> Session:
    """Plan a session of ``programme``; members can register once it is open."""
    session_validate(data=data)
    if data.starts_at <= timezone.now():
        raise ValidationError({"starts_at": [_("A new session must lie in the future.")]})
    session = Session.objects.create(programme=programme, **_values(data))
    _write_parts(session, data)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=session,
        changes=snapshot(session, SESSION_FIELDS),
    )
    notify.session_created_notify(session=session, actor=actor)
    return session


@transaction.atomic
def session_update(*, session: Session, data: SessionData, actor) -> Session:
    """Change a session. More places move people up from the waiting list; fewer places
    never remove anyone who is registered."""
    session_validate(data=data)
    session = Session.objects.select_for_update().get(pk=session.pk)
    before = snapshot(session, SESSION_FIELDS)
    for name, value in _values(data).items():
        setattr(session, name, value)
    after = snapshot(session, SESSION_FIELDS)
    if any(before[f] != after[f] for f in CALENDAR_FIELDS):
        session.sequence += 1
    session.save()
    _write_parts(session, data)
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=session, changes=diff(before, after))
    if session.status != SessionStatus.CANCELLED:
        _promote_waiting(session)
    return session


@transaction.atomic
def session_cancel(*, session: Session, actor, reason: str = "") -> Session:
    """Call a session off: everyone registered or waiting is told by mail, with the reason
    given here and a calendar cancellation that removes the appointment."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status == SessionStatus.CANCELLED:
        return session
    previous = session.status
    session.status = SessionStatus.CANCELLED
    session.sequence += 1
    session.cancellation_reason = reason.strip()
    session.save(update_fields=["status", "sequence", "cancellation_reason", "updated_at"])
    changes = {"status": [previous, SessionStatus.CANCELLED]}
    if session.cancellation_reason:
        changes["cancellation_reason"] = ["", session.cancellation_reason]
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=session, changes=changes)
    from .tasks import send_registration_mail

    for registration in session.registrations.filter(
        status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.WAITING)
    ):
        pk = registration.pk
        transaction.on_commit(lambda pk=pk: send_registration_mail.enqueue(pk, "session_cancelled"))
    return session


# --- Registration ---------------------------------------------------------------------------


def registration_refusal(session: Session, now: dt.datetime | None = None) -> str:
    """Why no one can register for ``session`` now, or an empty string."""
    now = now or timezone.now()
    if session.status == SessionStatus.CANCELLED:
        return _("This session has been cancelled; you cannot register for it.")
    if session.starts_at <= now:
        return _("This session has already taken place; you can no longer register for it.")
    if session.status == SessionStatus.CLOSED:
        return _("Registration for this session is closed.")
    return ""


def _registered_count(session: Session) -> int:
    return session.registrations.filter(status=RegistrationStatus.REGISTERED).count()


def _mail_on_commit(registration: Registration, kind: str) -> None:
    from .tasks import send_registration_mail

    pk = registration.pk
    transaction.on_commit(lambda: send_registration_mail.enqueue(pk, kind))


# SQLite answers a write that collides with another connection's transaction with "database
# is locked" (or "table is locked" for a shared in-memory database, where the busy timeout does
# not apply). Such a registration has changed nothing and is tried again.
SQLITE_RETRIES = 50


def _retry_when_locked(fn):
    def wrapper(**kwargs):
        attempt = 0
        while True:
            try:
                return fn(**kwargs)
            except OperationalError as exc:
                attempt += 1
                retry = (
                    connection.vendor == "sqlite"
                    and not connection.in_atomic_block
                    and "locked" in str(exc)
                    and attempt < SQLITE_RETRIES
                )
                if not retry:
                    raise
                time.sleep(0.01 * attempt)

    wrapper.__doc__ = fn.__doc__
    wrapper.__name__ = fn.__name__
    return wrapper


@_retry_when_locked
@transaction.atomic
def session_register(
    *,
    session: Session,
    name: str,
    email: str,
    actor=None,
    user=None,
    organisation_name: str = "",
    is_guest: bool = False,
    waiting_list: bool = True,
    now: dt.datetime | None = None,
) -> Registration:
    """Register a person: a place while there is one, else a place on the waiting list (or,
    with ``waiting_list=False``, a refusal because the session is full). The person gets a
    confirmation by mail, with the session as a calendar entry when they have a place."""
    # The lock serialises registrations for one session: the count below is then exact.
    session = Session.objects.select_for_update().select_related("programme").get(pk=session.pk)
    refusal = registration_refusal(session, now)
    if refusal:
        raise ValidationError(refusal)
    email = email.strip().lower()
    if not email or not name.strip():
        raise ValidationError(_("A name and an e-mail address are needed to register."))
    existing = session.registrations.filter(
        email__iexact=email,
        status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.WAITING),
    ).first()
    if existing is not None:
        if existing.status == RegistrationStatus.WAITING:
            raise ValidationError(_("You are already on the waiting list for this session."))
        raise ValidationError(_("You are already registered for this session."))
    full = _registered_count(session) >= session.capacity
    if full and not waiting_list:
        raise ValidationError(_("This session is full."))
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                session=session,
                user=user,
                name=name.strip(),
                email=email,
                organisation_name=organisation_name.strip(),
                is_guest=is_guest,
                status=RegistrationStatus.WAITING if full else RegistrationStatus.REGISTERED,
            )
    except IntegrityError as exc:  # the same person twice at the same moment
        raise ValidationError(_("You are already registered for this session.")) from exc
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=registration,
        changes={"status": registration.status, "guest": is_guest},
    )
    _mail_on_commit(registration, "waiting" if full else "registered")
    return registration


def waiting_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    return registration.session.registrations.filter(
        status=RegistrationStatus.WAITING, pk__lte=registration.pk
    ).count()


def _promote_waiting(session: Session) -> list[Registration]:
    """Fill free places from the waiting list, first come first served (the caller holds the
    session lock)."""
    if session.starts_at <= timezone.now() or session.status == SessionStatus.CANCELLED:
        return []
    free = session.capacity - _registered_count(session)
    promoted = []
    if free <= 0:
        return promoted
    waiting = session.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "created_at", "pk"
    )
    for registration in waiting[:free]:
        registration.status = RegistrationStatus.REGISTERED
        registration.promoted_at = timezone.now()
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        audit_log(
            actor=None,
            action=AuditAction.UPDATE,
            obj=registration,
            changes={"status": ["wachtlijst", "aangemeld"]},
            message="Moved up from the waiting list.",
        )
        _mail_on_commit(registration, "promoted")
        promoted.append(registration)
    notify.registrations_promoted_notify(registrations=promoted)
    return promoted


@_retry_when_locked
@transaction.atomic
def registration_cancel(*, registration: Registration, actor=None, now=None) -> list[Registration]:
    """Cancel a registration (or leave the waiting list). A freed place goes to the first
    person on the waiting list, who is told by mail. Returns who moved up."""
    now = now or timezone.now()
    session = Session.objects.select_for_update().get(pk=registration.session_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("This registration has already been cancelled."))
    if session.starts_at <= now:
        raise ValidationError(_("The session has already begun; you can no longer cancel."))
    previous = registration.status
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.link_version += 1
    registration.save(update_fields=["status", "cancelled_at", "link_version", "updated_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=registration,
        changes={"status": [previous, "afgemeld"]},
    )
    _mail_on_commit(registration, "cancelled")
    return _promote_waiting(session) if previous == RegistrationStatus.REGISTERED else []


def not_started_refusal(session: Session, now: dt.datetime | None = None) -> str:
    """Why attendance and a report cannot be entered yet, or an empty string."""
    if session.status == SessionStatus.CANCELLED:
        return _("This session has been cancelled; there is no attendance or report to enter.")
    if not session.has_started(now):
        return _(
            "The session has not started yet. Attendance and the report can be entered from "
            "the start of the session (%(start)s)."
        ) % {"start": format_datetime(session.starts_at, "long")}
    return ""


@transaction.atomic
def attendance_record(*, session: Session, present_ids: set[int], actor, now=None) -> int:
    """Mark who was there among the registered people; the others are marked absent. Only
    once the session has started."""
    refusal = not_started_refusal(session, now)
    if refusal:
        raise ValidationError(refusal)
    registered = session.registrations.filter(status=RegistrationStatus.REGISTERED)
    changed = 0
    for registration in registered:
        attended = registration.pk in present_ids
        if registration.attended != attended:
            registration.attended = attended
            registration.save(update_fields=["attended", "updated_at"])
            changed += 1
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=session,
        message=f"Attendance recorded: {len(present_ids)} present.",
    )
    return changed


def guest_invite(*, session: Session, email: str, name: str, actor) -> None:
    """Send a guest (someone outside the programme) a personal link to register."""
    if registration_refusal(session):
        raise ValidationError(registration_refusal(session))
    from .tasks import send_guest_invitation

    audit_log(actor=actor, action=AuditAction.INVITE, obj=session, message=f"Guest invited: {name}")
    inviter = (actor.get_full_name() or actor.email) if actor is not None else ""
    transaction.on_commit(
        lambda: send_guest_invitation.enqueue(
            session.pk, email.strip().lower(), name.strip(), inviter
        )
    )


# --- Reports --------------------------------------------------------------------------------


@dataclass
class LessonData:
    kind: str
    text: str
    context: str = ""
    themes: Sequence[Theme] = ()
    pk: int | None = None
    delete: bool = False


@dataclass
class AgreementData:
    description: str
    due_date: dt.date
    owner_organisation: Organisation | None = None
    owner_name: str = ""
    status: str = AgreementStatus.OPEN
    pk: int | None = None
    delete: bool = False


@dataclass
class ReportData:
    minutes: str
    lessons: Sequence[LessonData] = field(default_factory=list)
    agreements: Sequence[AgreementData] = field(default_factory=list)
    practice_examples: Sequence[PracticeExample] = field(default_factory=list)
    # A webinar's report: where the recording is, and the slides (an upload, checked by the
    # platform's upload rules). ``slides`` None keeps the slides there are.
    recording_url: str = ""
    slides: object | None = None
    remove_slides: bool = False


def _is_secure_link(url: str) -> bool:
    return url.strip().lower().startswith("https://")


def report_validate(*, data: ReportData) -> None:
    errors: dict[str, list[str]] = {}
    if not data.minutes.strip():
        errors.setdefault("minutes", []).append(_("Write down what was discussed."))
    for lesson in data.lessons:
        if lesson.delete:
            continue
        if lesson.kind not in LessonKind.values or not lesson.text.strip():
            errors.setdefault("lessons", []).append(
                _("Every lesson needs a kind (do or don't) and a text.")
            )
            break
    for agreement in data.agreements:
        if agreement.delete:
            continue
        if not agreement.description.strip():
            errors.setdefault("agreements", []).append(_("Every agreement needs a description."))
            break
        if agreement.owner_organisation is None and not agreement.owner_name.strip():
            errors.setdefault("agreements", []).append(
                _("Every agreement needs an owner: an organisation, a person, or both.")
            )
            break
    if data.recording_url.strip() and not _is_secure_link(data.recording_url):
        errors.setdefault("recording_url", []).append(
            _("Use a secure link that starts with https://.")
        )
    if data.slides is not None:
        try:
            attachment_type(data.slides)
        except ValidationError as error:
            errors.setdefault("slides", []).extend(error.messages)
    if errors:
        raise ValidationError(errors)


def _report_files(report: SessionReport, data: ReportData) -> dict[str, list]:
    """Store new slides (or remove them); the old file goes once the change is committed."""
    changes: dict[str, list] = {}
    old_name, storage = report.slides.name, report.slides.storage
    if data.slides is not None:
        suffix, content_type = attachment_type(data.slides)
        filename = data.slides.name.rsplit("/", 1)[-1][:200]
        changes["slides"] = [report.slides_filename or None, filename]
        report.slides.save(f"slides.{suffix}", data.slides, save=False)
        report.slides_filename = filename
        report.slides_content_type = content_type
        report.slides_size = data.slides.size
    elif data.remove_slides and old_name:
        changes["slides"] = [report.slides_filename, None]
        report.slides = ""
        report.slides_filename = report.slides_content_type = ""
        report.slides_size = None
    if old_name and report.slides.name != old_name:
        transaction.on_commit(lambda: storage.delete(old_name))
    return changes


@transaction.atomic
def report_save(*, session: Session, data: ReportData, actor, now=None) -> SessionReport:
    """Write or change the report of a session with its lessons and follow-up agreements.
    Agreements keep their identity (the DOE agenda refers to them); an agreement the DOE
    agenda has taken over cannot be removed here. Only once the session has started."""
    refusal = not_started_refusal(session, now)
    if refusal:
        raise ValidationError(refusal)
    report_validate(data=data)
    report, created = SessionReport.objects.get_or_create(
        session=session, defaults={"minutes": data.minutes.strip(), "written_by": actor}
    )
    report.minutes = data.minutes.strip()
    file_changes = _report_files(report, data)
    if report.recording_url != data.recording_url.strip():
        file_changes["recording_url"] = [report.recording_url or None, data.recording_url.strip()]
    report.recording_url = data.recording_url.strip()
    report.save()
    report.practice_examples.set(data.practice_examples)

    removed_lessons = []
    for item in data.lessons:
        lesson = session.lessons.filter(pk=item.pk).first() if item.pk else None
        if item.delete:
            if lesson is not None:
                removed_lessons.append(lesson.pk)
                lesson.delete()
            continue
        if lesson is None:
            lesson = Lesson(session=session)
        lesson.kind, lesson.text, lesson.context = (
            item.kind,
            item.text.strip(),
            item.context.strip(),
        )
        lesson.save()
        lesson.themes.set(item.themes)
        lesson_index_on_commit(lesson)
    lessons_unindex_on_commit(removed_lessons)

    for item in data.agreements:
        agreement = session.agreements.filter(pk=item.pk).first() if item.pk else None
        if item.delete:
            if agreement is not None:
                if agreement.status == AgreementStatus.ADOPTED:
                    raise ValidationError(
                        {
                            "agreements": [
                                _("An agreement taken over in the DOE agenda cannot be removed.")
                            ]
                        }
                    )
                agreement.delete()
            continue
        if agreement is None:
            agreement = SessionAgreement(session=session)
        agreement.description = item.description.strip()
        agreement.owner_organisation = item.owner_organisation
        agreement.owner_name = item.owner_name.strip()
        agreement.due_date = item.due_date
        if agreement.status != AgreementStatus.ADOPTED:
            agreement.status = item.status
        agreement.save()
    audit_log(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=report,
        changes=file_changes,
        message=(f"{session.lessons.count()} lessons, {session.agreements.count()} agreements."),
    )
    return report


@transaction.atomic
def agreement_adopt(*, agreement: SessionAgreement, reference: str, actor) -> SessionAgreement:
    """The DOE agenda takes an agreement over as an action (``reference`` names the action)."""
    agreement = SessionAgreement.objects.select_for_update().get(pk=agreement.pk)
    before = snapshot(agreement, ["status", "adopted_ref"])
    agreement.status = AgreementStatus.ADOPTED
    agreement.adopted_ref = reference
    agreement.save(update_fields=["status", "adopted_ref", "updated_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=agreement,
        changes=diff(before, snapshot(agreement, ["status", "adopted_ref"])),
    )
    return agreement
