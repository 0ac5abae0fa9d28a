"""The coordinators' forms of the DOE agenda: the agenda itself, goals, actions and
sub-actions with their commitments, milestones, and adopting session agreements as actions.
Permissions come from ``permissions.py``; the services validate and write."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from kennisnetwerk.core.forms import add_service_errors

from . import services
from .forms import ActionForm, AdoptForm, AgendaForm, ContributionForm, GoalForm, MilestoneForm
from .permissions import (
    access_action_edit,
    access_agenda_create,
    access_agenda_edit,
    access_contribution_edit,
    access_goal_edit,
    access_milestone_edit,
    agenda_programme_choices,
    contact_choices,
    owner_choices,
)
from .selectors import adoptable_agreements


def _submit(request, form, write: Callable[[], Any]) -> tuple[bool, Any]:
    """On a valid POST, ``write`` (a service call); its errors go onto the form. Returns
    whether it was saved, and what the service returned."""
    if request.method != "POST" or not form.is_valid():
        return False, None
    try:
        return True, write()
    except ValidationError as error:
        add_service_errors(form, error)
        return False, None


def _form_page(request, *, form, title, back, template="agenda/form.html", **extra):
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "title": title, "back": back, **extra}
    return render(request, template, context, status=status)


def _agenda_values(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": data["title"],
        "description": data.get("description", ""),
        "start_date": data["start_date"],
        "end_date": data.get("end_date"),
        "stale_after_days": data["stale_after_days"],
        "programme": data.get("programme"),
    }


@login_required
@require_http_methods(["GET", "POST"])
def agenda_create(request: HttpRequest) -> HttpResponse:
    regions = access_agenda_create(request.user)
    form = AgendaForm(
        request.POST or None,
        regions=regions,
        programmes=agenda_programme_choices(request.user, regions),
        initial={
            "start_date": timezone.localdate(),
            "stale_after_days": settings.AGENDA_STALE_DAYS,
        },
    )
    saved, agenda = _submit(
        request,
        form,
        lambda: services.agenda_create(
            region=form.cleaned_data["region"],
            actor=request.user,
            **_agenda_values(form.cleaned_data),
        ),
    )
    if saved:
        messages.success(request, _("The DOE agenda has been created."))
        return redirect("agenda:agenda", pk=agenda.pk)
    return _form_page(request, form=form, title=_("New DOE agenda"), back=None)


@login_required
@require_http_methods(["GET", "POST"])
def agenda_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = access_agenda_edit(request.user, pk)
    initial = {
        "title": agenda.title,
        "description": agenda.description,
        "start_date": agenda.start_date,
        "end_date": agenda.end_date,
        "stale_after_days": agenda.stale_after_days,
        "programme": agenda.programme,
    }
    form = AgendaForm(
        request.POST or None,
        regions=None,
        programmes=agenda_programme_choices(request.user, [agenda.region]),
        editing=True,
        initial=initial,
    )
    saved, _result = _submit(
        request,
        form,
        lambda: services.agenda_update(
            agenda=agenda, actor=request.user, **_agenda_values(form.cleaned_data)
        ),
    )
    if saved:
        messages.success(request, _("The DOE agenda has been saved."))
        return redirect("agenda:agenda", pk=agenda.pk)
    return _form_page(request, form=form, title=_("Edit DOE agenda"), back=agenda)


@login_required
@require_http_methods(["GET", "POST"])
def goal_create(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = access_agenda_edit(request.user, pk)
    form = GoalForm(request.POST or None)
    saved, _result = _submit(
        request,
        form,
        lambda: services.goal_create(agenda=agenda, actor=request.user, **form.cleaned_data),
    )
    if saved:
        messages.success(request, _("The goal has been added."))
        return redirect("agenda:agenda", pk=agenda.pk)
    return _form_page(request, form=form, title=_("New goal"), back=agenda)


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = access_goal_edit(request.user, pk)
    form = GoalForm(
        request.POST or None, initial={"title": goal.title, "description": goal.description}
    )
    saved, _result = _submit(
        request,
        form,
        lambda: services.goal_update(goal=goal, actor=request.user, **form.cleaned_data),
    )
    if saved:
        messages.success(request, _("The goal has been saved."))
        return redirect("agenda:agenda", pk=goal.agenda_id)
    return _form_page(request, form=form, title=_("Edit goal"), back=goal.agenda)


def _action_form(request, agenda, *, instance=None, initial=None) -> ActionForm:
    return ActionForm(
        request.POST or None,
        agenda=agenda,
        owners=owner_choices(agenda),
        contacts=contact_choices(agenda),
        exclude=instance,
        initial=initial,
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = access_agenda_edit(request.user, pk)
    initial = {}
    parent = request.GET.get("onderdeel-van", "")
    if parent.isdigit():
        initial["parent"] = agenda.actions.filter(pk=int(parent)).first()
    form = _action_form(request, agenda, initial=initial)
    saved, action = _submit(
        request,
        form,
        lambda: services.action_create(agenda=agenda, data=form.action_data(), actor=request.user),
    )
    if saved:
        messages.success(
            request, _("The action has been added. Add the commitments of the parties.")
        )
        return redirect("agenda:action_edit", pk=action.pk)
    return _form_page(request, form=form, title=_("New action"), back=agenda)


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = access_action_edit(request.user, pk)
    agenda = action.agenda
    form = _action_form(
        request,
        agenda,
        instance=action,
        initial={
            "title": action.title,
            "description": action.description,
            "owner": action.owner,
            "contact": action.contact,
            "deadline": action.deadline,
            "goal": action.goal,
            "parent": action.parent,
        },
    )
    saved, _result = _submit(
        request,
        form,
        lambda: services.action_update(action=action, data=form.action_data(), actor=request.user),
    )
    if saved:
        messages.success(request, _("The action has been saved."))
        return redirect("agenda:action", pk=action.pk)
    return _form_page(
        request,
        form=form,
        title=_("Edit action"),
        back=agenda,
        template="agenda/action_form.html",
        action=action,
        contributions=action.contributions.select_related("organisation"),
        contribution_form=ContributionForm(organisations=owner_choices(agenda)),
    )


@login_required
@require_http_methods(["GET", "POST"])
def contribution_add(request: HttpRequest, pk: int) -> HttpResponse:
    action = access_action_edit(request.user, pk)
    form = ContributionForm(request.POST or None, organisations=owner_choices(action.agenda))
    saved, _result = _submit(
        request,
        form,
        lambda: services.contribution_set(action=action, actor=request.user, **form.cleaned_data),
    )
    if saved:
        messages.success(
            request,
            _("The commitment of %(organisation)s has been saved.")
            % {"organisation": form.cleaned_data["organisation"].name},
        )
        return redirect("agenda:action_edit", pk=action.pk)
    return _form_page(
        request,
        form=form,
        title=_("Commitment to %(action)s") % {"action": action.title},
        back=action.agenda,
    )


@login_required
@require_http_methods(["GET", "POST"])
def contribution_remove(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = access_contribution_edit(request.user, pk)
    action_pk = contribution.action_id
    if request.method == "GET":
        return redirect("agenda:action_edit", pk=action_pk)
    services.contribution_remove(contribution=contribution, actor=request.user)
    messages.success(request, _("The commitment has been removed."))
    return redirect("agenda:action_edit", pk=action_pk)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_create(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = access_agenda_edit(request.user, pk)
    form = MilestoneForm(request.POST or None)
    del form.fields["reached_on"]
    saved, _result = _submit(
        request,
        form,
        lambda: services.milestone_create(agenda=agenda, actor=request.user, **form.cleaned_data),
    )
    if saved:
        messages.success(request, _("The milestone has been added."))
        return redirect("agenda:agenda", pk=agenda.pk)
    return _form_page(request, form=form, title=_("New milestone"), back=agenda)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = access_milestone_edit(request.user, pk)
    form = MilestoneForm(
        request.POST or None,
        initial={
            "title": milestone.title,
            "date": milestone.date,
            "reached_on": milestone.reached_on,
        },
    )
    saved, _result = _submit(
        request,
        form,
        lambda: services.milestone_update(
            milestone=milestone, actor=request.user, **form.cleaned_data
        ),
    )
    if saved:
        messages.success(request, _("The milestone has been saved."))
        return redirect("agenda:agenda", pk=milestone.agenda_id)
    return _form_page(request, form=form, title=_("Edit milestone"), back=milestone.agenda)


@login_required
@require_http_methods(["GET", "POST"])
def agreements_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    """Take over open agreements of the region's or programme's sessions as actions."""
    agenda = access_agenda_edit(request.user, pk)
    agreements = adoptable_agreements(agenda)
    form = AdoptForm(
        request.POST or None, agenda=agenda, agreements=agreements, owners=owner_choices(agenda)
    )
    saved, actions = _submit(
        request,
        form,
        lambda: services.agreements_adopt(
            agenda=agenda,
            agreements=list(form.cleaned_data["agreements"]),
            goal=form.cleaned_data.get("goal"),
            owner=form.cleaned_data.get("owner"),
            actor=request.user,
        ),
    )
    if saved:
        messages.success(
            request,
            ngettext(
                "The agreement has been taken over as an action.",
                "%(n)s agreements have been taken over as actions.",
                len(actions),
            )
            % {"n": len(actions)},
        )
        return redirect("agenda:agenda", pk=agenda.pk)
    return _form_page(
        request,
        form=form,
        title=_("Take over agreements from sessions"),
        back=agenda,
        template="agenda/adopt.html",
        agreements=agreements,
        agenda=agenda,
    )
