"""Messages of the parties: submitting, the sender's own messages, and the coordinator's
editorial queue with approve, schedule, reject and merge."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from . import services_messages as services
from .constants import MessageStatus
from .duplicates import merge_targets, message_duplicates, queue_duplicates
from .forms_messages import MergeForm, MessageForm, RejectForm, ScheduleForm
from .permissions import (
    access_editorial_queue,
    access_message_cancel,
    access_message_edit,
    access_message_review,
    access_message_submit,
    access_message_view,
    can_cancel_message,
    can_edit_message,
    is_region_editor,
    is_sender_member,
    message_sender_choices,
    own_messages,
)
from .selectors_messages import (
    approved_current,
    editorial_queue,
    message_detail,
    message_senders,
    recently_reviewed,
    with_relations,
)

PAGE_SIZE = 50


@login_required
@require_http_methods(["GET", "POST"])
def message_submit(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_message_submit(request.user, slug)
    form = MessageForm(request.POST or None, senders=message_sender_choices(request.user, region))
    if request.method == "POST" and form.is_valid():
        try:
            message = services.message_submit(
                region=region,
                sender=form.cleaned_data["sender"],
                data=form.message_data(),
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your message has been submitted to the editors of %(region)s.")
                % {"region": region.name},
            )
            return redirect("outreach:message", pk=message.pk)
    return render(request, "outreach/messages/message_form.html", {"form": form, "region": region})


@require_GET
def message_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A message's page: public once approved; before that for its senders and editors,
    who also see its status and likely duplicates."""
    message = access_message_view(request.user, pk)
    editor = is_region_editor(request.user, message.region)
    involved = editor or is_sender_member(request.user, message)
    if message.status == MessageStatus.MERGED and message.merged_into_id and not involved:
        return redirect("outreach:message", pk=message.merged_into_id)
    message = message_detail(message.pk)
    duplicates = (
        message_duplicates(message)
        if involved and message.status == MessageStatus.SUBMITTED
        else []
    )
    return render(
        request,
        "outreach/messages/message_detail.html",
        {
            "message": message,
            "senders": message_senders(message),
            "duplicates": duplicates,
            "is_editor": editor,
            "involved": involved,
            "can_edit": can_edit_message(request.user, message),
            "can_cancel": can_cancel_message(request.user, message),
            "is_expired": message.valid_until < timezone.localdate(),
        },
    )


@login_required
@require_GET
def my_messages(request: HttpRequest) -> HttpResponse:
    """The messages of the person's organisations, with their status and the reason of a
    rejection."""
    page = Paginator(
        with_relations(own_messages(request.user)).order_by("-created_at", "-pk"), PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    return render(request, "outreach/messages/my_messages.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def message_edit(request: HttpRequest, pk: int) -> HttpResponse:
    message = access_message_edit(request.user, pk)
    form = MessageForm(request.POST or None, initial=MessageForm.initial_for(message))
    if request.method == "POST" and form.is_valid():
        try:
            services.message_update(message=message, data=form.message_data(), actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The message has been saved."))
            if is_region_editor(request.user, message.region):
                return redirect("outreach:editorial_queue", slug=message.region.slug)
            return redirect("outreach:message", pk=message.pk)
    return render(
        request,
        "outreach/messages/message_form.html",
        {"form": form, "region": message.region, "message": message},
    )


@login_required
@require_http_methods(["GET", "POST"])
def message_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks, POST cancels (a submitted message is withdrawn; an approved event is
    cancelled and shown so in the calendars)."""
    message = access_message_cancel(request.user, pk)
    if not can_cancel_message(request.user, message):
        messages.info(request, _("This message can no longer be cancelled."))
        return redirect("outreach:message", pk=message.pk)
    if request.method == "POST":
        try:
            services.message_cancel(message=message, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The message has been cancelled."))
        return redirect("outreach:message", pk=message.pk)
    return render(request, "outreach/messages/message_cancel.html", {"message": message})


@login_required
@require_GET
def editorial_queue_view(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_editorial_queue(request.user, slug)
    queue = editorial_queue(region)
    duplicates = queue_duplicates(region, queue)
    return render(
        request,
        "outreach/messages/editorial_queue.html",
        {
            "region": region,
            "queue": [(m, duplicates.get(m.pk, [])) for m in queue],
            "approved": approved_current(region),
            "recent": recently_reviewed(region),
        },
    )


def _review_forms(request: HttpRequest, message, action: str, duplicates: list) -> dict:
    posted = request.POST if request.method == "POST" else None
    is_open = message.status in services.OPEN_STATUSES
    targets = merge_targets(message, duplicates) if is_open else []
    return {
        "approve": ScheduleForm(posted if action == "approve" else None, prefix="approve"),
        "schedule": ScheduleForm(
            posted if action == "schedule" else None,
            prefix="schedule",
            initial={"publish_from": message.publish_from},
        ),
        "reject": RejectForm(posted if action == "reject" else None, prefix="reject"),
        "merge": MergeForm(posted if action == "merge" else None, prefix="merge", targets=targets),
    }


_DONE = {
    "approve": gettext_lazy("%(title)s has been approved."),
    "schedule": gettext_lazy("The date from which %(title)s is sent has been saved."),
    "reject": gettext_lazy("%(title)s has been rejected; the sender sees your reason."),
    "merge": gettext_lazy("%(title)s has been merged; the other message names all senders."),
}


def _apply(action: str, form, message, actor) -> None:
    data = form.cleaned_data
    if action == "approve":
        services.message_approve(message=message, actor=actor, publish_from=data["publish_from"])
    elif action == "schedule":
        services.message_schedule(message=message, actor=actor, publish_from=data["publish_from"])
    elif action == "reject":
        services.message_reject(message=message, actor=actor, reason=data["reason"])
    elif action == "merge":
        services.message_merge(message=message, into=data["into"], actor=actor)


@login_required
@require_http_methods(["GET", "POST"])
def message_review(request: HttpRequest, pk: int) -> HttpResponse:
    """One message in the editorial queue, its likely duplicates, and the editor's actions."""
    message = access_message_review(request.user, pk)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    is_open = message.status in services.OPEN_STATUSES
    duplicates = message_duplicates(message) if is_open else []
    forms = _review_forms(request, message, action, duplicates)
    form = forms.get(action)
    if form is not None and form.is_valid():
        try:
            _apply(action, form, message, request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _DONE[action] % {"title": message.title})
            return redirect("outreach:editorial_queue", slug=message.region.slug)
    message = message_detail(message.pk)
    return render(
        request,
        "outreach/messages/message_review.html",
        {
            "message": message,
            "region": message.region,
            "senders": message_senders(message),
            "duplicates": duplicates,
            "forms": forms,
            "can_cancel": can_cancel_message(request.user, message),
        },
        status=400 if form is not None else 200,
    )
