"""Sessions: planning, the session page with registration, cancellation, attendance and
its export, guests invited through a signed link, and the report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kennisnetwerk.accounts.models import User
from kennisnetwerk.core import hooks
from kennisnetwerk.core.forms import add_service_errors
from kennisnetwerk.ecosystem.models import Organisation

from . import services_sessions as services
from .constants import RegistrationStatus, SessionStatus
from .exports import attendance_workbook
from .forms import (
    AgreementFormSet,
    AttendanceForm,
    GuestInviteForm,
    GuestRegisterForm,
    LessonFormSet,
    ReportForm,
    SessionCancelForm,
    SessionForm,
)
from .links import LinkError, invitation_from_token, registration_from_cancel_token
from .models import PracticeExample, Session
from .permissions import (
    access_programme_manage,
    access_registration_cancel,
    access_session_manage,
    access_session_register,
    access_session_view,
    is_programme_organiser,
)
from .selectors import session_agreements, session_registrations, user_registration
from .selectors import session_detail as session_detail_query


def _session_form_choices(programme):
    organisers = (
        User.objects.filter(
            Q(programme_memberships__programme=programme) | Q(is_staff=True), is_active=True
        )
        .distinct()
        .order_by("full_name", "email")
    )
    organisations = (
        Organisation.objects.filter(
            Q(municipality__regions__in=programme.regions.all())
            | Q(pk__in=programme.members.values("organisation"))
        )
        .distinct()
        .order_by("name")
    )
    return {"organisers": organisers, "organisations": organisations}


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest, slug: str) -> HttpResponse:
    programme = access_programme_manage(request.user, slug)
    form = SessionForm(
        request.POST or None,
        initial={"capacity": 20, "organiser": request.user.pk},
        **_session_form_choices(programme),
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(
                programme=programme, data=form.session_data(), actor=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The session has been planned."))
            return redirect("learning:session", pk=session.pk)
    return render(
        request,
        "learning/session_form.html",
        {"form": form, "programme": programme},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = access_session_manage(request.user, pk)
    form = SessionForm(
        request.POST or None,
        initial=SessionForm.initial_for(session),
        **_session_form_choices(session.programme),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(session=session, data=form.session_data(), actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The session has been saved."))
            return redirect("learning:session", pk=session.pk)
    return render(
        request,
        "learning/session_form.html",
        {"form": form, "programme": session.programme, "session": session},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    session = access_session_manage(request.user, pk)
    form = SessionCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.session_cancel(
            session=session, reason=form.cleaned_data["reason"], actor=request.user
        )
        messages.success(request, _("The session has been cancelled; everyone registered is told."))
        return redirect("learning:session", pk=session.pk)
    return render(
        request,
        "learning/session_cancel.html",
        {"session": session, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = access_session_view(request.user, pk)
    session = session_detail_query(session.pk)
    registration = user_registration(session, request.user)
    organiser = is_programme_organiser(request.user, session.programme)
    report = session.report if _has_report(session) else None
    # Other apps' parts of the page (a webinar's live questions, a conversation).
    sections = [s for fn in hooks.get_hooks("detail_sections") if (s := fn(request, session))]
    return render(
        request,
        "learning/session.html",
        {
            "session": session,
            "programme": session.programme,
            "registration": registration,
            "position": services.waiting_position(registration) if registration else None,
            "refusal": services.registration_refusal(session),
            "is_full": session.registered_count >= session.capacity,
            "is_organiser": organiser,
            "registrations": session_registrations(session) if organiser else [],
            "report": report,
            "lessons": session.lessons.prefetch_related("themes"),
            "agreements": session_agreements(session),
            "show_link": bool(
                organiser or (registration and registration.status == RegistrationStatus.REGISTERED)
            ),
            "is_past": session.ends_at < timezone.now(),
            "has_started": session.has_started(),
            "sections": sections,
        },
    )


def _name(user) -> str:
    return user.get_full_name() or user.email


@login_required
@require_POST
def session_register(request: HttpRequest, pk: int) -> HttpResponse:
    session = access_session_register(request.user, pk)
    membership = request.user.memberships.select_related("organisation").first()
    try:
        registration = services.session_register(
            session=session,
            user=request.user,
            name=_name(request.user),
            email=request.user.email,
            organisation_name=membership.organisation.name if membership else "",
            actor=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.status == RegistrationStatus.REGISTERED:
            messages.success(
                request,
                _("You are registered. A confirmation with a calendar entry is on its way."),
            )
        else:
            messages.warning(
                request,
                _(
                    "The session is full; you are on the waiting list (number %(position)d). "
                    "When a place frees up, you get it automatically and we let you know by mail."
                )
                % {"position": services.waiting_position(registration)},
            )
    return redirect("learning:session", pk=session.pk)


@login_required
@require_POST
def registration_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    registration = access_registration_cancel(request.user, pk)
    try:
        services.registration_cancel(registration=registration, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The registration has been cancelled."))
    return redirect("learning:session", pk=registration.session_id)


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = access_session_manage(request.user, pk)
    registered = [
        r for r in session_registrations(session) if r.status == RegistrationStatus.REGISTERED
    ]
    form = AttendanceForm(
        request.POST if request.method == "POST" else None,
        registrations=registered,
        initial={"present": [str(r.pk) for r in registered if r.attended]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(
                session=session,
                present_ids={int(pk) for pk in form.cleaned_data["present"]},
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Attendance has been saved."))
            return redirect("learning:session", pk=session.pk)
    return render(
        request,
        "learning/attendance.html",
        {
            "session": session,
            "form": form,
            "registered": registered,
            "refusal": services.not_started_refusal(session),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def attendance_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    session = access_session_manage(request.user, pk)
    content = attendance_workbook(session, session_registrations(session))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = f"aanwezigheid-{timezone.localtime(session.starts_at):%Y-%m-%d}-{session.pk}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def guest_invite(request: HttpRequest, pk: int) -> HttpResponse:
    session = access_session_manage(request.user, pk)
    form = GuestInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.guest_invite(
                session=session,
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s has been invited by mail, with a personal link to register.")
                % {"name": form.cleaned_data["name"]},
            )
            return redirect("learning:session", pk=session.pk)
    return render(request, "learning/guest_invite.html", {"session": session, "form": form})


@require_http_methods(["GET", "POST"])
def guest_register(request: HttpRequest, token: str) -> HttpResponse:
    """An invited guest registers through the signed link from their invitation."""
    try:
        invitation = invitation_from_token(token)
    except LinkError:
        return render(request, "learning/link_problem.html", status=404)
    session = invitation.session
    existing = session.registrations.filter(
        email__iexact=invitation.email,
        status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.WAITING),
    ).first()
    form = GuestRegisterForm(request.POST or None)
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            registration = services.session_register(
                session=session,
                name=invitation.name,
                email=invitation.email,
                organisation_name=form.cleaned_data["organisation_name"],
                is_guest=True,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            existing = registration
            if registration.status == RegistrationStatus.REGISTERED:
                messages.success(request, _("You are registered. A confirmation is on its way."))
            else:
                messages.warning(
                    request,
                    _("The session is full; you are on the waiting list. We let you know by mail."),
                )
    return render(
        request,
        "learning/guest_register.html",
        {
            "invitation": invitation,
            "session": session,
            "form": form,
            "registration": existing,
            "refusal": services.registration_refusal(session),
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def guest_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """A guest cancels through the link in their confirmation mail."""
    try:
        registration = registration_from_cancel_token(token)
    except LinkError:
        return render(request, "learning/link_problem.html", status=404)
    error = ""
    if request.method == "POST":
        try:
            services.registration_cancel(registration=registration)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            return render(
                request, "learning/guest_cancelled.html", {"session": registration.session}
            )
    return render(
        request,
        "learning/guest_cancel.html",
        {"registration": registration, "session": registration.session, "error": error},
    )


# --- Report ----------------------------------------------------------------------------------


def _lesson_initial(session):
    return [
        {
            "pk": lesson.pk,
            "kind": lesson.kind,
            "text": lesson.text,
            "context": lesson.context,
            "themes": list(lesson.themes.all()),
        }
        for lesson in session.lessons.prefetch_related("themes")
    ]


def _agreement_initial(session):
    return [
        {
            "pk": a.pk,
            "description": a.description,
            "owner_organisation": a.owner_organisation_id,
            "owner_name": a.owner_name,
            "due_date": a.due_date,
            "status": a.status if a.status != "overgenomen" else "open",
        }
        for a in session.agreements.all()
    ]


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The organiser writes the report: minutes, lessons, follow-up agreements and the
    practice examples discussed."""
    session = access_session_manage(request.user, pk)
    report = getattr(session, "report", None) if _has_report(session) else None
    posted = request.POST if request.method == "POST" else None
    organisations = _session_form_choices(session.programme)["organisations"]
    form = ReportForm(
        posted,
        request.FILES if posted is not None else None,
        examples=PracticeExample.objects.filter(is_published=True).order_by("title"),
        has_slides=bool(report and report.slides),
        initial={
            "minutes": report.minutes if report else "",
            "practice_examples": list(report.practice_examples.all()) if report else [],
            "recording_url": report.recording_url if report else "",
        },
    )
    lessons = LessonFormSet(posted, prefix="les", initial=_lesson_initial(session))
    agreements = AgreementFormSet(
        posted,
        prefix="afspraak",
        initial=_agreement_initial(session),
        form_kwargs={"organisations": organisations},
    )
    if posted is not None and form.is_valid() and lessons.is_valid() and agreements.is_valid():
        data = services.ReportData(
            minutes=form.cleaned_data["minutes"],
            practice_examples=list(form.cleaned_data["practice_examples"]),
            lessons=[f.lesson_data() for f in lessons if f.cleaned_data and not f.is_blank()],
            agreements=[
                f.agreement_data() for f in agreements if f.cleaned_data and not f.is_blank()
            ],
            recording_url=form.cleaned_data["recording_url"],
            slides=form.cleaned_data["slides"] or None,
            remove_slides=form.cleaned_data.get("remove_slides", False),
        )
        try:
            with transaction.atomic():
                services.report_save(session=session, data=data, actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The report has been saved."))
            return redirect("learning:session", pk=session.pk)
    return render(
        request,
        "learning/report_form.html",
        {
            "session": session,
            "form": form,
            "lessons": lessons,
            "agreements": agreements,
            "refusal": services.not_started_refusal(session),
            "report": report,
        },
        status=400 if posted is not None else 200,
    )


@login_required
@require_GET
def report_slides(request: HttpRequest, pk: int) -> FileResponse:
    """The slides of a session's report, for whoever may see the session."""
    session = access_session_view(request.user, pk)
    report = session.report if _has_report(session) else None
    if report is None or not report.slides:
        raise Http404
    try:
        handle = report.slides.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=report.slides_filename,
        content_type=report.slides_content_type,
    )


def _has_report(session: Session) -> bool:
    try:
        session.report  # noqa: B018
    except Session.report.RelatedObjectDoesNotExist:
        return False
    return True


__all__ = ["SessionStatus"]
