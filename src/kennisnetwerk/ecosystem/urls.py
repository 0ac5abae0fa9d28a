from django.urls import path

from . import views

app_name = "ecosystem"

urlpatterns = [
    path("", views.atlas, name="atlas"),
    path("matrix/", views.matrix, name="matrix"),
    path("witte-vlekken.csv", views.gaps_csv, name="gaps_csv"),
    path("dekking/<slug:slug>/", views.coverage, name="coverage"),
    path("initiatieven/nieuw/", views.initiative_create, name="initiative_create"),
    path("initiatieven/<slug:slug>/", views.initiative_view, name="initiative"),
    path("initiatieven/<slug:slug>/bewerken/", views.initiative_edit, name="initiative_edit"),
    path("organisaties/<slug:slug>/", views.organisation_view, name="organisation"),
]
