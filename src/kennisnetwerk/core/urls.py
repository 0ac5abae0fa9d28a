from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("onderdeel/<slug:slug>/", views.section, name="section"),
    path("privacy/", views.privacy, name="privacy"),
    path("auditlog/", views.audit_log, name="audit_log"),
    path("healthz", views.healthz, name="healthz"),
]
