import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kennisnetwerk.core import hooks

from . import services
from .forms import ErasureForm, InvitationForm, InvitationSignupForm
from .models import User
from .permissions import (
    access_invitations,
    access_invite_to,
    can_invite,
    invitable_organisations,
    invitable_regions,
)
from .selectors import (
    invitation_get_usable,
    invitation_list_for,
    user_memberships,
    user_region_roles,
    user_regions,
)


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    widgets = [w for fn in hooks.get_hooks("dashboard_widgets") if (w := fn(request))]
    return render(
        request,
        "accounts/dashboard.html",
        {
            "memberships": user_memberships(request.user),
            "region_roles": user_region_roles(request.user),
            "regions": user_regions(request.user),
            "profile": getattr(request.user, "entrepreneur_profile", None),
            "can_invite": can_invite(request.user),
            "widgets": widgets,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitations(request: HttpRequest) -> HttpResponse:
    access_invitations(request.user)
    form = InvitationForm(
        request.POST or None,
        organisations=invitable_organisations(request.user),
        regions=invitable_regions(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        access_invite_to(request.user, organisation=data["organisation"], region=data["region"])
        try:
            invitation = services.invitation_create(
                email=data["email"],
                actor=request.user,
                organisation=data["organisation"],
                organisation_role=data["organisation_role"],
                region=data["region"],
                region_role="coordinator" if data["region"] else "",
            )
        except ValidationError as error:
            form.add_error(None, error)
            return _invitations_page(request, form, status=400)
        messages.success(
            request, _("An invitation has been sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect("accounts:invitations")
    return _invitations_page(request, form)


def _invitations_page(request: HttpRequest, form: InvitationForm, status: int = 200):
    return render(
        request,
        "accounts/invitations.html",
        {
            "form": form,
            "invitations": invitation_list_for(request.user)[:100],
            "now": timezone.now(),
            "valid_days": settings.INVITATION_VALID_DAYS,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation link opens: create an account, or accept as the logged-in
    person."""
    invite = invitation_get_usable(token)
    if invite is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    existing = User.objects.filter(email__iexact=invite.email).first()
    if request.user.is_authenticated:
        if request.user.email.lower() != invite.email.lower():
            return render(
                request, "accounts/invitation_other_user.html", {"invitation": invite}, status=403
            )
        if request.method == "POST":
            services.invitation_accept(invitation=invite, user=request.user)
            messages.success(
                request,
                _("You are now %(role)s of %(target)s.")
                % {"role": invite.role_display.lower(), "target": invite.target},
            )
            return redirect("accounts:dashboard")
        return render(request, "accounts/invitation_accept.html", {"invitation": invite})
    if existing is not None:
        return render(request, "accounts/invitation_login.html", {"invitation": invite})
    form = InvitationSignupForm(request.POST or None, email=invite.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_sign_up(
                invitation=invite,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! Your account has been created."))
            return redirect("accounts:dashboard")
    return render(request, "accounts/invitation_signup.html", {"invitation": invite, "form": form})


@login_required
@require_GET
def personal_data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/personal_data.html", {"form": ErasureForm(user=request.user)})


@login_required
@require_GET
def personal_data_download(request: HttpRequest) -> HttpResponse:
    data = services.personal_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localtime().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def personal_data_erase(request: HttpRequest) -> HttpResponse:
    form = ErasureForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.erasure_request(
            user=request.user,
            remove_contributions=form.cleaned_data.get("remove_contributions", False),
        )
        logout(request)
        return render(request, "accounts/erasure_requested.html")
    if request.method == "GET":
        raise Http404
    return render(request, "accounts/personal_data.html", {"form": form}, status=400)
