"""The project's URLs plus ``/bench/minimal/``: the smallest Django view, served through the
same middleware, as the baseline of the page timings. Only the benchmark settings use this
URLconf; production never serves it."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def minimal(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [
    path("bench/minimal/", minimal, name="bench_minimal"),
    path("", include("kennisnetwerk.urls")),
]
