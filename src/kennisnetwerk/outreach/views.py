"""Public pages of a region's channel. Subscribers have no account: they reach their
confirmation, preferences and unsubscribe pages through signed links."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from kennisnetwerk.geo.models import Region

from . import services
from .constants import SubscriberStatus
from .forms import PauseForm, SubscribeForm, SubscriberPreferencesForm
from .links import LinkError, Purpose, subscriber_from_token, subscriber_token
from .models import Subscriber
from .tasks import send_already_subscribed_mail, send_confirmation_mail


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def _link_problem(request: HttpRequest, error: LinkError, region: Region | None = None):
    return render(
        request,
        "outreach/link_problem.html",
        {"expired": error.expired, "region": region},
        status=400,
    )


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest, slug: str) -> HttpResponse:
    """Sign up for a region's digest. The page answers the same whether or not the address
    was known, and the mail tells the rest (double opt-in)."""
    region = get_object_or_404(Region, slug=slug)
    form = SubscribeForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        result = services.subscriber_signup(
            region=region,
            data=form.subscriber_data(form.cleaned_data["email"]),
            consent_text=str(form.fields["consent"].label),
            ip_address=_client_ip(request),
        )
        task = send_confirmation_mail if result.send_confirmation else send_already_subscribed_mail
        if result.send_confirmation or result.subscriber.status != SubscriberStatus.PENDING:
            subscriber_id = result.subscriber.pk
            transaction.on_commit(lambda: task.enqueue(subscriber_id))
        return redirect("outreach:subscribed", slug=region.slug)
    return render(request, "outreach/subscribe.html", {"region": region, "form": form})


def subscribed(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    return render(request, "outreach/subscribed.html", {"region": region})


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, POST confirms: mail scanners that follow links confirm nothing."""
    try:
        subscriber = subscriber_from_token(token, Purpose.CONFIRM)
    except LinkError as error:
        return _link_problem(request, error)
    if request.method == "POST":
        services.subscriber_confirm(
            subscriber=subscriber,
            consent_text=_("Confirmed through the link in the confirmation mail."),
        )
        messages.success(request, _("Thank you: your subscription has started."))
        return redirect(
            "outreach:preferences", token=subscriber_token(subscriber, Purpose.PREFERENCES)
        )
    return render(request, "outreach/confirm.html", {"subscriber": subscriber, "token": token})


def _initial(subscriber: Subscriber) -> dict:
    return {
        "company_name": subscriber.company_name,
        "kvk_number": subscriber.kvk_number,
        "municipality": subscriber.municipality.name if subscriber.municipality else "",
        "postcode": subscriber.postcode,
        "sbi_section": subscriber.sbi_section,
        "size_class": subscriber.size_class,
        "themes": list(subscriber.themes.all()),
        "frequency": subscriber.frequency,
    }


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    """The preference centre: what and how often, pause, unsubscribe, or erase everything."""
    try:
        subscriber = subscriber_from_token(token, Purpose.PREFERENCES)
    except LinkError as error:
        return _link_problem(request, error)
    region = subscriber.region
    action = request.POST.get("action", "")
    form = SubscriberPreferencesForm(
        request.POST if action == "save" else None, region=region, initial=_initial(subscriber)
    )
    pause_form = PauseForm(request.POST if action == "pause" else None)
    if request.method == "POST":
        if action == "save" and form.is_valid():
            services.subscriber_update(
                subscriber=subscriber, data=form.subscriber_data(subscriber.email)
            )
            messages.success(request, _("Your preferences have been saved."))
            return redirect("outreach:preferences", token=token)
        if action == "pause" and pause_form.is_valid():
            services.subscriber_pause(subscriber=subscriber, until=pause_form.cleaned_data["until"])
            messages.success(request, _("Paused: you receive nothing until that date."))
            return redirect("outreach:preferences", token=token)
        if action == "resume":
            services.subscriber_resume(subscriber=subscriber)
            messages.success(request, _("Welcome back: you receive the digest again."))
            return redirect("outreach:preferences", token=token)
        if action == "unsubscribe":
            services.subscriber_unsubscribe(subscriber=subscriber, via="preference centre")
            return render(request, "outreach/unsubscribed.html", {"region": region})
        if action == "erase":
            services.subscriber_erase(subscriber=subscriber)
            return render(request, "outreach/erased.html", {"region": region})
    return render(
        request,
        "outreach/preferences.html",
        {
            "subscriber": subscriber,
            "region": region,
            "form": form,
            "pause_form": pause_form,
            "token": token,
            "unsubscribe_token": subscriber_token(subscriber, Purpose.UNSUBSCRIBE),
        },
    )


@csrf_exempt  # RFC 8058: mail programs POST here without a form; the signed link authorises
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (a link checker must not unsubscribe anyone); POST unsubscribes at once,
    also the one-click POST of a mail program (List-Unsubscribe-Post)."""
    try:
        subscriber = subscriber_from_token(token, Purpose.UNSUBSCRIBE)
    except LinkError as error:
        return _link_problem(request, error)
    if request.method == "POST":
        via = "one-click" if request.POST.get("List-Unsubscribe") == "One-Click" else "web page"
        services.subscriber_unsubscribe(subscriber=subscriber, via=via)
        return render(request, "outreach/unsubscribed.html", {"region": subscriber.region})
    return render(
        request,
        "outreach/unsubscribe.html",
        {"subscriber": subscriber, "region": subscriber.region, "token": token},
    )
