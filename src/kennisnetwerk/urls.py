from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from kennisnetwerk.api import views as api_views
from kennisnetwerk.api.api import api

urlpatterns = [
    path("", include("kennisnetwerk.core.urls")),
    path("", include("kennisnetwerk.accounts.urls")),
    path("geo/", include("kennisnetwerk.geo.urls")),
    path("atlas/", include("kennisnetwerk.ecosystem.urls")),
    path("nieuwsbrief/", include("kennisnetwerk.outreach.urls")),
    path("vraag/", include("kennisnetwerk.needs.urls")),
    path("leren/", include("kennisnetwerk.learning.urls")),
    path("doe-agenda/", include("kennisnetwerk.agenda.urls")),
    path("monitoring/", include("kennisnetwerk.monitoring.urls")),
    path("meldingen/", include("kennisnetwerk.notifications.urls")),
    path("ontmoeten/", include("kennisnetwerk.community.urls")),
    path("api/v1/", api.urls),
    path("api-sleutels/", api_views.api_tokens, name="api_tokens"),
    path(
        "api-sleutels/<int:pk>/intrekken/", api_views.api_token_revoke_view, name="api_token_revoke"
    ),
    path("account/", include("allauth.urls")),
    path("taal/", set_language, name="set_language"),
    path("beheer/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
