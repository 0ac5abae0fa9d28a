from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("uitnodigingen/", views.invitations, name="invitations"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("mijn-gegevens/", views.personal_data, name="personal_data"),
    path("mijn-gegevens/download/", views.personal_data_download, name="personal_data_download"),
    path("mijn-gegevens/verwijderen/", views.personal_data_erase, name="personal_data_erase"),
]
