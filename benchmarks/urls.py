"""The project's URLs plus ``/bench/minimal/``: the smallest Django view, served through the
same middleware, as the baseline of the page timings. Only the benchmark settings use this
URLconf; production never serves it."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import include, path


def minimal(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


_POSTS = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<h1>{{ title }}</h1><ol>'
    "{% for post in posts %}<li><p>{{ post.author.full_name }} · {{ post.created_at }}</p>"
    "{{ post.html|safe }}</li>{% endfor %}</ol>{% endblock %}"
)


def posts(request: HttpRequest, thread_id: int) -> HttpResponse:
    """The bare view of DESIGN §6 for the thread page: the same posts of the same table with
    the same base template, nothing else (no access check, no forms, no read position)."""
    from kennisnetwerk.community.models import Post

    rows = Post.objects.filter(thread_id=thread_id).select_related("author").order_by("pk")
    return HttpResponse(_POSTS.render({"title": "Posts", "posts": rows}, request))


urlpatterns = [
    path("bench/minimal/", minimal, name="bench_minimal"),
    path("bench/posts/<int:thread_id>/", posts, name="bench_posts"),
    path("", include("kennisnetwerk.urls")),
]
