from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from .models import ApiToken
from .services import api_token_create, api_token_revoke


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("What is the token for?"),
        max_length=100,
        help_text=gettext_lazy("For example the name of the script or system that uses it."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    """A person's own API tokens: create (the token is shown once) and revoke."""
    form = ApiTokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        _token, secret = api_token_create(user=request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "secret": secret,
            "tokens": ApiToken.objects.filter(user=request.user, revoked_at__isnull=True),
        },
    )


@login_required
@require_POST
def api_token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("The token has been revoked."))
    return redirect("api_tokens")
