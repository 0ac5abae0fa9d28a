from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("kennisnetwerk.core.urls")),
    path("", include("kennisnetwerk.accounts.urls")),
    path("geo/", include("kennisnetwerk.geo.urls")),
    path("atlas/", include("kennisnetwerk.ecosystem.urls")),
    path("account/", include("allauth.urls")),
    path("taal/", set_language, name="set_language"),
    path("beheer/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
