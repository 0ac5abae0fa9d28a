from django.urls import path

from . import views, views_gaps, views_import

app_name = "needs"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/stel-uw-vraag/", views.intake, name="intake"),
    path("antwoord/<str:token>/", views.answer, name="answer"),
    # Account managers and coordinators.
    path("<slug:slug>/vragen/", views.need_list_view, name="list"),
    path("<slug:slug>/vragen/nieuw/", views.need_create, name="need_create"),
    path("vragen/<int:pk>/", views.need_detail, name="need"),
    path("vragen/<int:pk>/terugkoppeling/", views.need_feedback_view, name="need_feedback"),
    path("vragen/<int:pk>/status/", views.need_status_view, name="need_status"),
    path("<slug:slug>/enquete/", views_import.survey_upload, name="survey_upload"),
    path("<slug:slug>/enquete/<str:token>/", views_import.survey_preview, name="survey_preview"),
    path("<slug:slug>/hiaten/", views_gaps.gap_report_view, name="gaps"),
    path("<slug:slug>/hiaten.xlsx", views_gaps.gap_report_download, name="gaps_xlsx"),
    path("<slug:slug>/hiaten/opnieuw/", views_gaps.gap_report_refresh, name="gaps_refresh"),
    path("<slug:slug>/synoniemen/", views.thesaurus, name="thesaurus"),
    path("<slug:slug>/synoniemen/<int:pk>/", views.thesaurus_group, name="thesaurus_group"),
]
