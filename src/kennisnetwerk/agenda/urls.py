from django.urls import path

from . import views, views_edit

app_name = "agenda"

urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views_edit.agenda_create, name="create"),
    path("onze-inzet/", views.our_commitments_view, name="commitments"),
    path("<int:pk>/", views.agenda_detail, name="agenda"),
    path("<int:pk>/bewerken/", views_edit.agenda_edit, name="edit"),
    path("<int:pk>/doelen/nieuw/", views_edit.goal_create, name="goal_create"),
    path("<int:pk>/acties/nieuw/", views_edit.action_create, name="action_create"),
    path("<int:pk>/mijlpalen/nieuw/", views_edit.milestone_create, name="milestone_create"),
    path("<int:pk>/afspraken-overnemen/", views_edit.agreements_adopt, name="adopt"),
    path("<int:pk>/vaststellen/", views.agenda_freeze_view, name="freeze"),
    path("<int:pk>/verschil/", views.agenda_difference_view, name="difference"),
    path("<int:pk>/agenda.docx", views.agenda_docx_view, name="docx"),
    path("<int:pk>/agenda.xlsx", views.agenda_xlsx_view, name="xlsx"),
    path("doelen/<int:pk>/bewerken/", views_edit.goal_edit, name="goal_edit"),
    path("mijlpalen/<int:pk>/bewerken/", views_edit.milestone_edit, name="milestone_edit"),
    path("acties/<int:pk>/", views.action_detail, name="action"),
    path("acties/<int:pk>/bewerken/", views_edit.action_edit, name="action_edit"),
    path("acties/<int:pk>/inzet/", views_edit.contribution_add, name="contribution_add"),
    path("inzet/<int:pk>/verwijderen/", views_edit.contribution_remove, name="contribution_remove"),
]
