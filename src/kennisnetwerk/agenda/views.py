"""DOE agenda pages: the agenda with goals, actions and progress, an action with its progress
updates, "our commitments", freezing a version, the difference since, and the exports."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from kennisnetwerk.core import hooks
from kennisnetwerk.core.formatting import format_date
from kennisnetwerk.core.forms import add_service_errors

from . import services
from .constants import ActionStatus
from .exports import agenda_docx, agenda_xlsx, commitment_text
from .forms import FreezeForm, ProgressForm
from .permissions import (
    access_action_view,
    access_agenda_edit,
    access_agenda_view,
    agenda_create_regions,
    can_edit_agenda,
    can_post_progress,
    user_organisations,
    visible_agendas,
)
from .selectors import (
    adoptable_agreements,
    agenda_actions,
    agenda_difference,
    agenda_progress,
    agenda_snapshot,
    is_overdue,
    is_stale,
    our_commitments,
)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    agendas = visible_agendas(request.user).select_related("region", "programme")
    may_create = request.user.is_authenticated and agenda_create_regions(request.user).exists()
    return render(request, "agenda/index.html", {"agendas": agendas, "may_create": may_create})


@login_required
@require_GET
def agenda_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = access_agenda_view(request.user, pk)
    top = agenda_actions(agenda)
    now = timezone.now()
    for action in top:
        action.overdue = is_overdue(action, timezone.localdate(now))
        action.stale = is_stale(action, now)
    latest = agenda.versions.first()
    can_edit = can_edit_agenda(request.user, agenda)
    return render(
        request,
        "agenda/agenda_detail.html",
        {
            "agenda": agenda,
            "actions": top,
            "progress": agenda_progress(agenda, top),
            "goals": agenda.goals.all(),
            "milestones": agenda.milestones.all(),
            "latest": latest,
            "can_edit": can_edit,
            "freeze_form": FreezeForm(),
            "adoptable": adoptable_agreements(agenda).count() if can_edit else 0,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = access_action_view(request.user, pk)
    may_post = can_post_progress(request.user, action)
    form = ProgressForm(
        request.POST or None, initial={"progress": action.progress, "status": action.status}
    )
    if request.method == "POST":
        if not may_post:
            return HttpResponse(status=403)
        if form.is_valid():
            try:
                services.progress_post(action=action, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your progress update has been saved."))
                return redirect("agenda:action", pk=action.pk)
    return render(
        request,
        "agenda/action_detail.html",
        {
            "action": action,
            "agenda": action.agenda,
            "updates": action.updates.all(),
            "subactions": action.children.select_related("owner"),
            "contributions": action.contributions.select_related("organisation"),
            "form": form if may_post else None,
            "can_edit": can_edit_agenda(request.user, action.agenda),
            # Other apps' parts of the page (the conversation under it).
            "sections": [
                s for fn in hooks.get_hooks("detail_sections") if (s := fn(request, action))
            ],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def our_commitments_view(request: HttpRequest) -> HttpResponse:
    organisations = user_organisations(request.user)
    ours = set(organisations.values_list("pk", flat=True))
    actions = our_commitments(organisations)
    today = timezone.localdate()
    for action in actions:
        action.ours = [c for c in action.contributions.all() if c.organisation_id in ours]
        action.we_own = action.owner_id in ours
        action.overdue = is_overdue(action, today)
    return render(request, "agenda/commitments.html", {"actions": actions})


@login_required
@require_http_methods(["GET", "POST"])
def agenda_freeze_view(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = access_agenda_edit(request.user, pk)
    if request.method == "GET":
        return redirect("agenda:agenda", pk=agenda.pk)
    form = FreezeForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    version = services.agenda_freeze(agenda=agenda, actor=request.user, note=note)
    messages.success(
        request, _("Version %(n)s has been frozen for signing.") % {"n": version.number}
    )
    return redirect("agenda:agenda", pk=agenda.pk)


@login_required
@require_GET
def agenda_difference_view(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = access_agenda_view(request.user, pk)
    version = agenda.versions.first()
    changes = agenda_difference(version.content, agenda_snapshot(agenda)) if version else []
    return render(
        request,
        "agenda/difference.html",
        {"agenda": agenda, "version": version, "changes": [_readable(c) for c in changes]},
    )


FIELD_LABELS = {
    "title": gettext_lazy("Title"),
    "owner": gettext_lazy("Owner"),
    "deadline": gettext_lazy("Deadline"),
    "status": gettext_lazy("Status"),
    "progress": gettext_lazy("Progress"),
    "goal": gettext_lazy("Goal"),
    "contributions": gettext_lazy("Commitments"),
    "goals": gettext_lazy("Goals"),
    "milestones": gettext_lazy("Milestones"),
}


def _value(field: str, value) -> str:
    """A value of the difference as people read it: Dutch dates and statuses, percentages,
    commitments as "party: 40 uur, 2 personen"."""
    if value is None or value == []:
        return "—"
    if field == "status":
        return str(ActionStatus(value).label) if value in ActionStatus.values else value
    if field == "deadline":
        return format_date(dt.date.fromisoformat(value), "long")
    if field == "progress":
        return f"{value} %"
    if field == "contributions":
        return "; ".join(f"{c['organisation']}: {commitment_text(c)}" for c in value)
    return str(value)


def _readable(change) -> dict:
    return {
        "kind": change.kind,
        "subject": change.subject,
        "field": FIELD_LABELS.get(change.field, change.field),
        "before": _value(change.field, change.before) if change.kind == "changed" else "",
        "after": _value(change.field, change.after) if change.kind == "changed" else "",
    }


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def agenda_docx_view(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = access_agenda_view(request.user, pk)
    return _download(
        agenda_docx(agenda, version=agenda.versions.first()),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        f"doe-agenda-{agenda.pk}.docx",
    )


@login_required
@require_GET
def agenda_xlsx_view(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = access_agenda_view(request.user, pk)
    return _download(
        agenda_xlsx(agenda),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"doe-agenda-{agenda.pk}.xlsx",
    )
