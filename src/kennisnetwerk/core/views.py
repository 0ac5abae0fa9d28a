from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from .forms import AuditLogFilterForm
from .menu import UPCOMING_SECTIONS, main_menu
from .permissions import access_audit_log
from .selectors import audit_log_list


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and request.GET.get("welkom") is None:
        return redirect("accounts:dashboard")
    menu = {item.key: item for item in main_menu(request)}
    sections = [
        (section, menu.get(section.slug))
        for section in sorted(UPCOMING_SECTIONS.values(), key=lambda s: s.order)
    ]
    return render(request, "core/home.html", {"sections": sections})


@require_GET
def section(request: HttpRequest, slug: str) -> HttpResponse:
    """The honest place of a section that is not built yet."""
    try:
        current = UPCOMING_SECTIONS[slug]
    except KeyError as exc:
        raise Http404 from exc
    provided = next((i for i in main_menu(request) if i.key == slug and i.available), None)
    if provided is not None:
        return redirect(provided.url)
    return render(request, "core/section_unavailable.html", {"section": current})


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@login_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    access_audit_log(request.user)
    form = AuditLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = audit_log_list(
        action=filters.get("action", ""),
        actor=filters.get("actor", ""),
        object_type=filters["object_type"].pk if filters.get("object_type") else None,
        query=filters.get("q", ""),
    )
    page = Paginator(entries, 50).get_page(request.GET.get("pagina"))
    template = "core/audit_log.html#results" if request.htmx else "core/audit_log.html"
    return render(request, template, {"form": form, "page": page})


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
