"""The coordinator's view of sending: who is subscribed, which message would reach how many
subscribers in today's run, past runs, and the contact pressure before and after
coordination. Also starting today's run by hand."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .permissions import access_editorial_queue
from .selectors_digest import contact_pressure, recent_runs, region_subscriber_counts
from .services_digest import digest_preview
from .tasks import send_region_digests


@login_required
@require_GET
def sending(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_editorial_queue(request.user, slug)
    today = timezone.localdate()
    return render(
        request,
        "outreach/sending.html",
        {
            "region": region,
            "today": today,
            "counts": region_subscriber_counts(region=region),
            "preview": digest_preview(region=region, today=today),
            "runs": recent_runs(region=region),
            "pressure": contact_pressure(region=region),
        },
    )


@login_required
def sending_start(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_editorial_queue(request.user, slug)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    send_region_digests.enqueue(region.pk, timezone.localdate().isoformat())
    messages.success(
        request, _("Today's digest run has been started; it continues in the background.")
    )
    return redirect("outreach:sending", slug=region.slug)
