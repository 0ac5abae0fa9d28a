from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("programma/<slug:slug>/", views.programme_dashboard, name="programme"),
    path(
        "programma/<slug:slug>/tabel/<slug:key>.<str:fmt>",
        views.programme_table,
        name="programme_table",
    ),
    path("<slug:slug>/", views.region_dashboard, name="region"),
    path("<slug:slug>/tabel/<slug:key>.<str:fmt>", views.region_table, name="region_table"),
    path("<slug:slug>/indicatoren/nieuw/", views.indicator_create, name="indicator_create"),
    path("indicatoren/<int:pk>/", views.indicator_detail, name="indicator"),
    path("indicatoren/<int:pk>/meting/", views.measurement_add, name="measurement_add"),
    path("indicatoren/<int:pk>/streefwaarde/", views.target_add, name="target_add"),
    path("indicatoren/<int:pk>/importeren/", views.measurement_import, name="measurement_import"),
    path("indicatoren/<int:pk>/metingen.csv", views.measurements_csv, name="measurements_csv"),
    path("indicatoren/<int:pk>/metingen.xlsx", views.measurements_xlsx, name="measurements_xlsx"),
    path("indicatoren/<int:pk>/schets/", views.sketch_upload, name="sketch_upload"),
    path("indicatoren/<int:pk>/bereik/<str:period>/", views.reach, name="reach"),
    path("indicatoren/<int:pk>/bereik/<str:period>.csv", views.reach_csv, name="reach_csv"),
    path("schetsen/<int:pk>/", views.sketch_download, name="sketch_download"),
]
