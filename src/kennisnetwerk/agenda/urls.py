from django.urls import path

from . import views

app_name = "agenda"

urlpatterns = [
    path("", views.index, name="index"),
    path("onze-inzet/", views.our_commitments_view, name="commitments"),
    path("<int:pk>/", views.agenda_detail, name="agenda"),
    path("<int:pk>/vaststellen/", views.agenda_freeze_view, name="freeze"),
    path("<int:pk>/verschil/", views.agenda_difference_view, name="difference"),
    path("<int:pk>/agenda.docx", views.agenda_docx_view, name="docx"),
    path("<int:pk>/agenda.xlsx", views.agenda_xlsx_view, name="xlsx"),
    path("acties/<int:pk>/", views.action_detail, name="action"),
]
