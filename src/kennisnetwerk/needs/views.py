"""Pages of "Vraag en aanbod": the public intake form and its answer page, the questions of a
region for account managers, a question with its matches and feedback, and the thesaurus."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kennisnetwerk.core.forms import add_service_errors
from kennisnetwerk.ecosystem.models import Initiative
from kennisnetwerk.geo.models import Region

from . import services
from .constants import FeedbackKind, NeedStatus
from .forms import (
    FeedbackForm,
    IntakeForm,
    NeedFilterForm,
    NeedForm,
    StatusForm,
    ThesaurusGroupForm,
)
from .links import ANSWER_MAX_AGE, ANSWER_SALT, answer_token
from .models import Need
from .permissions import (
    access_need,
    access_needs,
    access_thesaurus,
    access_thesaurus_group,
    is_needs_coordinator,
    need_organisation_choices,
    needs_regions,
)
from .selectors import NeedFilters, need_feedback, need_list, need_matches, thesaurus_overview

PAGE_SIZE = 50


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Where to ask a question (every region with an inventory), and for account managers
    the regions whose questions they handle."""
    regions = Region.objects.filter(inventory__isnull=False).distinct().order_by("name")
    handled = list(needs_regions(request.user).order_by("name")[:50])
    coordinated = {r.pk for r in handled if is_needs_coordinator(request.user, r)}
    return render(
        request,
        "needs/index.html",
        {"regions": regions, "handled": handled, "coordinated": coordinated},
    )


@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest, slug: str) -> HttpResponse:
    """The public intake form of a region: no account needed."""
    region = get_object_or_404(Region, slug=slug)
    form = IntakeForm(request.POST or None, region=region)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                need = services.need_submit_public(
                    region=region,
                    data=form.need_data(),
                    consent_text=str(form.fields["follow_up_consent"].label),
                    ip_address=_client_ip(request),
                )
            except services.TooManyQuestions:
                form.add_error(
                    None,
                    _(
                        "You have sent many questions in a short time. Please try again in an "
                        "hour, or call the region's entrepreneurs' desk."
                    ),
                )
                status = 429
            except ValidationError as error:
                add_service_errors(form, error)
                status = 400
            else:
                return redirect("needs:answer", token=answer_token(need))
        else:
            status = 400
    return render(request, "needs/intake.html", {"region": region, "form": form}, status=status)


@require_GET
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """What the entrepreneur sees after asking: their question and the matching offers. The
    link is signed and stays valid for 30 days."""
    try:
        payload = signing.loads(token, salt=ANSWER_SALT, max_age=ANSWER_MAX_AGE)
        need = Need.objects.select_related("region", "municipality").get(pk=payload["need"])
    except (signing.BadSignature, KeyError, TypeError, Need.DoesNotExist):
        return render(request, "needs/answer_expired.html", status=404)
    return render(
        request,
        "needs/answer.html",
        {"need": need, "region": need.region, "matches": need_matches(need)},
    )


@login_required
@require_GET
def need_list_view(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_needs(request.user, slug)
    form = NeedFilterForm(request.GET or None)
    filters = NeedFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = NeedFilters(
            status=data["status"],
            source=data["source"],
            theme=data["theme"],
            query=data["q"],
            without_good_match=data["without_good_match"],
        )
    needs = need_list(region=region, filters=filters)
    total = needs.count()
    return render(
        request,
        "needs/need_list.html",
        {
            "region": region,
            "form": form,
            "needs": needs[:PAGE_SIZE],
            "total": total,
            "shown": min(total, PAGE_SIZE),
            "is_coordinator": is_needs_coordinator(request.user, region),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def need_create(request: HttpRequest, slug: str) -> HttpResponse:
    """An account manager records a question heard from an entrepreneur."""
    region = access_needs(request.user, slug)
    organisations = need_organisation_choices(request.user, region)
    form = NeedForm(request.POST or None, region=region, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            need = services.need_create(
                region=region,
                data=form.need_data(),
                actor=request.user,
                source=form.cleaned_data["source"],
                organisation=form.cleaned_data["organisation"],
                consent_text=str(form.fields["follow_up_consent"].label),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The question has been saved; these offers match it."))
            return redirect("needs:need", pk=need.pk)
    return render(
        request,
        "needs/need_form.html",
        {"region": region, "form": form},
        status=400 if form.errors else 200,
    )


def _detail_context(request: HttpRequest, need: Need) -> dict:
    feedback = need_feedback(need)
    matches = need_matches(need)
    for match in matches:
        given = feedback.get(match.initiative.pk, [])
        match.feedback = given
        match.kinds = {f.kind for f in given}
    shown = {m.initiative.pk for m in matches}
    earlier = [f for pk, items in feedback.items() if pk not in shown for f in items]
    return {
        "need": need,
        "region": need.region,
        "matches": matches,
        "earlier_feedback": earlier,
        "status_form": StatusForm(initial={"status": need.status}),
        "kinds": FeedbackKind,
        "themes": list(need.themes.all()),
    }


@login_required
@require_GET
def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    need = access_need(request.user, pk)
    return render(request, "needs/need_detail.html", _detail_context(request, need))


@login_required
def need_feedback_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark an offer as referred, helpful or not helpful (or take that back). With htmx only
    the list of matches is rendered again."""
    need = access_need(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The feedback could not be saved; please try again."))
        return redirect("needs:need", pk=need.pk)
    initiative = get_object_or_404(Initiative, pk=form.cleaned_data["initiative"])
    services.match_feedback_set(
        need=need,
        initiative=initiative,
        kind=form.cleaned_data["kind"],
        given=form.cleaned_data["given"],
        actor=request.user,
    )
    need.refresh_from_db()
    if getattr(request, "htmx", False):
        return render(request, "needs/need_detail.html#matches", _detail_context(request, need))
    messages.success(request, _("Your feedback has been saved."))
    return redirect("needs:need", pk=need.pk)


@login_required
def need_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    need = access_need(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = StatusForm(request.POST)
    if form.is_valid():
        services.need_status_set(need=need, status=form.cleaned_data["status"], actor=request.user)
        messages.success(
            request,
            _("Status changed to “%(status)s”.")
            % {"status": NeedStatus(form.cleaned_data["status"]).label},
        )
    else:
        messages.error(request, _("Choose a status from the list."))
    return redirect("needs:need", pk=need.pk)


@login_required
@require_http_methods(["GET", "POST"])
def thesaurus(request: HttpRequest, slug: str) -> HttpResponse:
    """The synonyms the matcher uses in a region: the network's defaults and the region's
    own groups; a new group is added here."""
    region = access_thesaurus(request.user, slug)
    form = ThesaurusGroupForm(request.POST or None, initial={"is_active": True})
    if request.method == "POST" and form.is_valid():
        try:
            group = services.thesaurus_group_save(
                region=region,
                name=form.cleaned_data["name"],
                terms=form.cleaned_data["terms"],
                theme=form.cleaned_data["theme"],
                is_active=form.cleaned_data["is_active"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Group “%(name)s” added.") % {"name": group.name})
            return redirect("needs:thesaurus", slug=region.slug)
    groups, switched_off = thesaurus_overview(region)
    return render(
        request,
        "needs/thesaurus.html",
        {"region": region, "groups": groups, "switched_off": switched_off, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def thesaurus_group(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change one of the region's groups, or a default group for this region only."""
    region, group = access_thesaurus_group(request.user, slug, pk)
    initial = {
        "name": group.name,
        "terms": group.terms,
        "theme": group.theme_id,
        "is_active": group.is_active,
    }
    form = ThesaurusGroupForm(request.POST or None, initial=initial)
    if request.method == "POST" and request.POST.get("action") == "delete":
        if group.region_id == region.pk:
            services.thesaurus_group_delete(group=group, actor=request.user)
            messages.success(request, _("Group “%(name)s” removed.") % {"name": group.name})
        return redirect("needs:thesaurus", slug=region.slug)
    if request.method == "POST" and form.is_valid():
        try:
            services.thesaurus_group_save(
                region=region,
                group=group,
                name=form.cleaned_data["name"],
                terms=form.cleaned_data["terms"],
                theme=form.cleaned_data["theme"],
                is_active=form.cleaned_data["is_active"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Group “%(name)s” saved.") % {"name": form.cleaned_data["name"]}
            )
            return redirect("needs:thesaurus", slug=region.slug)
    return render(
        request,
        "needs/thesaurus_group.html",
        {"region": region, "group": group, "form": form, "is_default": group.region_id is None},
        status=400 if form.errors else 200,
    )
