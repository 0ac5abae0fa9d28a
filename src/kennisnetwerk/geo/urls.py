from django.urls import path

from . import views

app_name = "geo"

urlpatterns = [
    path("regios/", views.region_list_view, name="region_list"),
    path("regios/nieuw/", views.region_create, name="region_create"),
    path("regios/<slug:slug>/", views.region_detail, name="region_detail"),
    path("regios/<slug:slug>/bewerken/", views.region_edit, name="region_edit"),
    path("gemeente-zoeken/", views.municipality_lookup, name="municipality_lookup"),
]
