from django.urls import path

from . import views, views_export, views_import, views_overlap

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
    path("export/netwerk.graphml", views_export.export_graphml, name="export_graphml"),
    path("export/netwerk.gexf", views_export.export_gexf, name="export_gexf"),
    path("importeren/", views_import.import_start, name="import_start"),
    path("importeren/voorbeeldbestand.xlsx", views_import.import_sample, name="import_sample"),
    path("importeren/<slug:slug>/", views_import.import_upload, name="import_upload"),
    path(
        "importeren/<slug:slug>/taak/<int:job_id>/",
        views_import.import_job,
        name="import_job",
    ),
    path(
        "importeren/<slug:slug>/<str:token>/",
        views_import.import_preview,
        name="import_preview",
    ),
    path(
        "importeren/<slug:slug>/<str:token>/bevestigen/",
        views_import.import_confirm,
        name="import_confirm",
    ),
    path(
        "importeren/<slug:slug>/<str:token>/verslag.csv",
        views_import.import_report_csv,
        name="import_report_csv",
    ),
    path("initiatieven/nieuw/", views.initiative_create, name="initiative_create"),
    path("initiatieven/<slug:slug>/", views.initiative_view, name="initiative"),
    path("initiatieven/<slug:slug>/bewerken/", views.initiative_edit, name="initiative_edit"),
    path("organisaties/<slug:slug>/", views.organisation_view, name="organisation"),
]
