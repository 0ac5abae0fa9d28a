"""Documents shared in a programme: added by members, read by members, removed by who added
them or by the organisers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kennisnetwerk.core.forms import add_service_errors

from . import services
from .forms import ProgrammeDocumentForm
from .permissions import (
    access_programme_document,
    access_programme_document_add,
    access_programme_document_remove,
    can_remove_programme_document,
)


@login_required
def document_add(request: HttpRequest, slug: str) -> HttpResponse:
    programme = access_programme_document_add(request.user, slug)
    form = ProgrammeDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_document_add(
                programme=programme,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The document is shared with the programme."))
            return redirect("learning:documents", slug=programme.slug)
    documents = [
        (document, can_remove_programme_document(request.user, document))
        for document in programme.documents.select_related("uploaded_by")
    ]
    return render(
        request,
        "learning/documents.html",
        {"programme": programme, "form": form, "documents": documents},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_GET
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = access_programme_document(request.user, pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=document.filename, content_type=document.content_type
    )


@login_required
@require_POST
def document_remove(request: HttpRequest, pk: int) -> HttpResponse:
    document = access_programme_document_remove(request.user, pk)
    slug = document.programme.slug
    services.programme_document_remove(document=document, actor=request.user)
    messages.success(request, _("The document has been removed."))
    return redirect("learning:documents", slug=slug)
