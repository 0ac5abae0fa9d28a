from django.urls import path

from . import views, views_export, views_overlap

app_name = "ecosystem"

urlpatterns = [
    path("", views.atlas, name="atlas"),
    path("matrix/", views.matrix, name="matrix"),
    path("witte-vlekken.csv", views.gaps_csv, name="gaps_csv"),
    path(
        "witte-vlekken/<slug:slug>/per-gemeente.csv",
        views.gaps_by_municipality_csv,
        name="gaps_by_municipality_csv",
    ),
    path("dekking/<slug:slug>/", views.coverage, name="coverage"),
    path("netwerk/", views_export.network, name="network"),
    path("dubbel/<slug:slug>/", views_overlap.overlap_list, name="overlaps"),
    path(
        "dubbel/<slug:slug>/<int:first>/<int:second>/",
        views_overlap.overlap_compare,
        name="overlap_compare",
    ),
    path("export/aanbod.xlsx", views_export.export_xlsx, name="export_xlsx"),
    path("export/aanbod.csv", views_export.export_csv, name="export_csv"),
    path("export/netwerk.json", views_export.export_graph, name="export_graph"),
    path("initiatieven/nieuw/", views.initiative_create, name="initiative_create"),
    path("initiatieven/<slug:slug>/", views.initiative_view, name="initiative"),
    path("initiatieven/<slug:slug>/bewerken/", views.initiative_edit, name="initiative_edit"),
    path("organisaties/<slug:slug>/", views.organisation_view, name="organisation"),
]
