"""Conversations on the web: a programme's topics, a thread with its posts and reply form,
the thread under a session, practice example, learning question or action, and the
moderators' actions. Thin: permission → form → service/selector → template."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kennisnetwerk.core.forms import add_service_errors
from kennisnetwerk.notifications.selectors import is_following

from . import selectors, services
from .forms import EditForm, MoveForm, PostForm, ReasonForm, TopicForm
from .models import Post, PostReport, Thread, ThreadKind
from .permissions import (
    access_attachment,
    access_post_accept,
    access_post_edit,
    access_post_moderate,
    access_post_report,
    access_post_view,
    access_programme_topics,
    access_thread_moderate,
    access_thread_post,
    access_thread_view,
    can_accept_answer,
    can_edit_post,
    can_moderate_thread,
    can_view_thread,
    moderated_programmes,
    visible_subject_or_404,
)

MENTION_SUGGESTIONS = 8


def _post_data(form: PostForm, quote: Post | None) -> services.PostData:
    return services.PostData(
        text=form.cleaned_data.get("text") or "",
        quote_of=quote,
        mention_names=form.mention_names(),
        attachments=form.cleaned_data.get("attachments") or [],
    )


def _tell_unresolved(request: HttpRequest, post: Post) -> None:
    unresolved = getattr(post, "unresolved_mentions", [])
    if unresolved:
        messages.warning(
            request,
            _(
                "Not everyone you mentioned is notified: %(names)s is not someone who can read "
                "this conversation (check the spelling of the full name)."
            )
            % {"names": ", ".join(f"@{name}" for name in unresolved)},
        )


def thread_url(thread: Thread) -> str:
    return reverse("community:thread", args=[thread.pk])


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Ontmoeten: the programmes a person takes part in, with their latest topics."""
    return render(
        request,
        "community/index.html",
        {"programmes": selectors.programmes_with_topics(request.user)},
    )


@login_required
@require_GET
def programme_topics(request: HttpRequest, slug: str) -> HttpResponse:
    programme = access_programme_topics(request.user, slug)
    return render(
        request,
        "community/programme.html",
        {
            "programme": programme,
            "topics": selectors.programme_topics(programme, request.user),
            "form": TopicForm(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def topic_create(request: HttpRequest, slug: str) -> HttpResponse:
    programme = access_programme_topics(request.user, slug)
    form = TopicForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.topic_create(
                programme=programme,
                title=form.cleaned_data.get("title") or "",
                data=_post_data(form, None),
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your topic has been placed."))
            _tell_unresolved(request, thread.first_post)
            return redirect(thread_url(thread))
    return render(
        request,
        "community/topic_form.html",
        {"programme": programme, "form": form},
        status=400 if form.is_bound else 200,
    )


def _thread_context(request: HttpRequest, thread: Thread, form: PostForm | None = None) -> dict:
    moderator = can_moderate_thread(request.user, thread)
    position = selectors.read_position(thread, request.user)
    posts = list(selectors.thread_posts(thread, moderator=moderator))
    for post in posts:
        post.thread = thread  # known; saves a query per post in the checks below
        post.is_new = post.pk > position and post.author_id != request.user.pk
        post.can_edit = (
            can_edit_post(request.user, post) if post.author_id == request.user.pk else False
        )
    if posts and posts[-1].pk > position:
        services.read_position_mark(user=request.user, thread=thread, post_id=posts[-1].pk)
    return {
        "thread": thread,
        "subject": thread.subject,
        "posts": posts,
        "unread": sum(1 for post in posts if post.is_new),
        "moderator": moderator,
        "can_accept": can_accept_answer(request.user, thread),
        "following": is_following(user=request.user, target=thread),
        "form": form or PostForm(),
        "reason_form": ReasonForm(),
        "subject_url": selectors.subject_url(thread),
    }


@login_required
@require_GET
def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    thread = access_thread_view(request.user, pk)
    quote = request.GET.get("citeer", "")
    initial = {"quote_of": int(quote)} if quote.isdigit() else None
    form = PostForm(initial=initial)
    context = _thread_context(request, thread, form)
    if initial:
        context["quoting"] = next(
            (p for p in context["posts"] if p.pk == initial["quote_of"] and not p.is_hidden), None
        )
    return render(request, "community/thread.html", context)


@login_required
@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    thread = access_thread_post(request.user, pk)
    form = PostForm(request.POST, request.FILES)
    if form.is_valid():
        quote = None
        quote_id = form.cleaned_data.get("quote_of")
        if quote_id:
            quote = Post.objects.filter(pk=quote_id).first()
        try:
            post = services.post_create(
                thread=thread, data=_post_data(form, quote), actor=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your reply has been placed."))
            _tell_unresolved(request, post)
            return redirect(f"{thread_url(thread)}#bericht-{post.pk}")
    return render(
        request, "community/thread.html", _thread_context(request, thread, form), status=400
    )


@login_required
@require_GET
def subject_thread(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """The conversation under a session, practice example, learning question or action."""
    from .hooks_registration import URL_KINDS

    by_word = {word: value for value, word in URL_KINDS.items()}
    if kind not in by_word:
        raise Http404
    subject = visible_subject_or_404(request.user, by_word[kind], pk)
    thread = services.thread_for_subject(subject=subject)
    return redirect(thread_url(thread))


@login_required
@require_GET
def mention_suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    """Type-ahead for mentions: people who can read the thread whose name contains what was
    typed (as ``<option>`` elements for the form's datalist)."""
    thread = access_thread_view(request.user, pk)
    typed = " ".join(request.GET.get("mention", "").lstrip("@").split())[:100]
    people: list = []
    if len(typed) >= 2:
        candidates = (
            get_user_model()
            .objects.filter(is_active=True, full_name__icontains=typed)
            .exclude(pk=request.user.pk)
            .order_by(Lower("full_name"))[:50]
        )
        people = [u for u in candidates if can_view_thread(u, thread)][:MENTION_SUGGESTIONS]
    return render(request, "community/_mention_options.html", {"people": people})


@login_required
@require_GET
def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A post's own address (used in notifications): to its place in the thread. A hidden
    post is shown to moderators only; others learn that it was hidden."""
    post = access_post_view(request.user, pk)
    if post.is_hidden and not can_moderate_thread(request.user, post.thread):
        return render(request, "community/post_hidden.html", {"post": post}, status=404)
    return redirect(f"{thread_url(post.thread)}#bericht-{post.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = access_post_edit(request.user, pk)
    form = EditForm(request.POST or None, initial={"text": post.source})
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_edit(post=post, text=form.cleaned_data["text"], actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your post has been changed."))
            _tell_unresolved(request, post)
            return redirect(f"{thread_url(post.thread)}#bericht-{post.pk}")
    return render(
        request,
        "community/post_edit.html",
        {"post": post, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_report(request: HttpRequest, pk: int) -> HttpResponse:
    post = access_post_report(request.user, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_report(post=post, reason=form.cleaned_data["reason"], actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Thank you. The moderators of this conversation will look at the post.")
            )
            return redirect(f"{thread_url(post.thread)}#bericht-{post.pk}")
    return render(
        request,
        "community/post_report.html",
        {"post": post, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_hide(request: HttpRequest, pk: int) -> HttpResponse:
    post = access_post_moderate(request.user, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_hide(post=post, reason=form.cleaned_data["reason"], actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The post is hidden; its author has been told why."))
            return redirect(f"{thread_url(post.thread)}#bericht-{post.pk}")
    return render(
        request,
        "community/post_hide.html",
        {"post": post, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def post_unhide(request: HttpRequest, pk: int) -> HttpResponse:
    post = access_post_moderate(request.user, pk)
    services.post_unhide(post=post, actor=request.user)
    messages.success(request, _("The post is visible again."))
    return redirect(f"{thread_url(post.thread)}#bericht-{post.pk}")


@login_required
@require_POST
def post_accept(request: HttpRequest, pk: int) -> HttpResponse:
    post = access_post_accept(request.user, pk)
    accept = request.POST.get("accept", "1") == "1"
    services.answer_accept(post=post, accept=accept, actor=request.user)
    messages.success(
        request,
        _("The answer is marked as accepted.") if accept else _("The answer is no longer marked."),
    )
    return redirect(f"{thread_url(post.thread)}#bericht-{post.pk}")


@login_required
@require_POST
def thread_lock(request: HttpRequest, pk: int) -> HttpResponse:
    thread = access_thread_moderate(request.user, pk)
    locked = request.POST.get("locked", "1") == "1"
    services.thread_lock(thread=thread, locked=locked, actor=request.user)
    messages.success(
        request,
        _("The conversation is locked.") if locked else _("The conversation is open again."),
    )
    return redirect(thread_url(thread))


@login_required
@require_http_methods(["GET", "POST"])
def thread_move(request: HttpRequest, pk: int) -> HttpResponse:
    thread = access_thread_moderate(request.user, pk)
    if thread.kind != ThreadKind.TOPIC:
        raise Http404
    form = MoveForm(request.POST or None, programmes=moderated_programmes(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.thread_move(
                thread=thread, programme=form.cleaned_data["programme"], actor=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The topic has been moved."))
            return redirect(thread_url(thread))
    return render(
        request,
        "community/thread_move.html",
        {"thread": thread, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def thread_follow(request: HttpRequest, pk: int) -> HttpResponse:
    thread = access_thread_view(request.user, pk)
    follow = request.POST.get("follow", "1") == "1"
    services.thread_follow(user=request.user, thread=thread, follow=follow)
    messages.success(
        request,
        _("You follow this conversation.")
        if follow
        else _("You no longer follow this conversation."),
    )
    return redirect(thread_url(thread))


@login_required
@require_GET
def reports(request: HttpRequest) -> HttpResponse:
    """The open reports in conversations the person moderates."""
    rows = [
        report
        for report in selectors.open_reports()
        if can_moderate_thread(request.user, report.post.thread)
    ]
    return render(request, "community/reports.html", {"reports": rows})


@login_required
@require_POST
def report_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    report = PostReport.objects.select_related("post").filter(pk=pk).first()
    if report is None:
        raise Http404
    access_post_moderate(request.user, report.post_id)
    services.report_dismiss(report=report, actor=request.user)
    messages.success(request, _("The report is closed; the post stays visible."))
    return redirect("community:reports")


@login_required
@require_GET
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    item = access_attachment(request.user, pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=item.filename, content_type=item.content_type
    )
