from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import selectors, services
from .constants import Channel
from .forms import FollowForm, PreferencesForm
from .links import unsubscribe_read
from .models import Notification
from .registry import get_followable, get_kind

PAGE_SIZE = 30


def poll_seconds() -> int:
    return int(getattr(settings, "NOTIFICATIONS_POLL_SECONDS", 20))


def _safe_path(request: HttpRequest, target: str, fallback: str) -> str:
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
def centre(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("filter") == "ongelezen"
    page = Paginator(
        selectors.notifications_for(user=request.user, unread_only=unread_only), PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "notifications/centre.html",
        {
            "page": page,
            "unread_only": unread_only,
            "unread": selectors.unread_count(user=request.user),
        },
    )


def count(request: HttpRequest) -> HttpResponse:
    """The header's unread count as a fragment, polled by htmx. Empty for a visitor who is
    not (or no longer) logged in, so the header loses the count instead of showing a login
    page in its place."""
    if not request.user.is_authenticated:
        return HttpResponse("")
    return render(
        request,
        "notifications/header_count.html",
        {"unread": selectors.unread_count(user=request.user), "poll_seconds": poll_seconds()},
    )


@login_required
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Open a notification: marked read, then on to what it is about."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    services.notification_mark_read(user=request.user, notification_id=notification.pk)
    return redirect(_safe_path(request, notification.url, "notifications:centre"))


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    if not services.notification_mark_read(user=request.user, notification_id=pk):
        raise Http404
    return redirect(_safe_path(request, request.POST.get("next", ""), "notifications:centre"))


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    marked = services.notifications_mark_all_read(user=request.user)
    if marked:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:centre")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    choices = selectors.preferences_for(user=request.user)
    form = PreferencesForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        for kind, channel in choices:
            chosen = form.cleaned_data.get(kind.key)
            if chosen and chosen != channel:
                services.preference_set(user=request.user, kind=kind.key, channel=chosen)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "follows": selectors.follows_for(user=request.user),
            "listed": selectors.listed_follow_choices(user=request.user),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def follow(request: HttpRequest) -> HttpResponse:
    """Follow or stop following something the person may see; 404 for anything else."""
    form = FollowForm(request.POST)
    if not form.is_valid():
        raise Http404
    followable = get_followable(form.cleaned_data["target"])
    if followable is None:
        raise Http404
    target = followable.model._default_manager.filter(pk=form.cleaned_data["target_id"]).first()
    if target is None or not followable.can_view(request.user, target):
        raise Http404
    wanted = form.cleaned_data["follow"]
    services.follow_set(user=request.user, target=target, follow=wanted)
    if wanted:
        messages.success(request, _("You now follow “%(name)s”.") % {"name": target})
    else:
        messages.success(request, _("You no longer follow “%(name)s”.") % {"name": target})
    fallback = target.get_absolute_url() if hasattr(target, "get_absolute_url") else "/"
    return redirect(_safe_path(request, form.cleaned_data["next"], fallback))


@csrf_exempt  # RFC 8058: mail programs POST here without a form; the signed link authorises
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (a link checker must not unsubscribe anyone); POST switches the kind(s) off at
    once, also the one-click POST of a mail program (List-Unsubscribe-Post)."""
    found = unsubscribe_read(token)
    user = get_user_model().objects.filter(pk=found[0]).first() if found else None
    labels = []
    kinds = []
    for key in found[1].split(",") if found else []:
        try:
            labels.append(get_kind(key).label)
            kinds.append(key)
        except LookupError:
            continue
    if user is None or not kinds:
        return render(request, "notifications/link_problem.html", status=404)
    if request.method == "POST":
        for key in kinds:
            services.preference_set(user=user, kind=key, channel=Channel.OFF, actor=user)
        return render(request, "notifications/unsubscribed.html", {"labels": labels})
    return render(request, "notifications/unsubscribe.html", {"labels": labels, "token": token})
