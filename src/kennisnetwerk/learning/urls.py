from django.urls import path

from . import views, views_applications, views_documents, views_library, views_sessions

app_name = "learning"

urlpatterns = [
    path("", views.index, name="index"),
    # Programmes and their members.
    path("programmas/<slug:slug>/", views.programme, name="programme"),
    path("programmas/<slug:slug>/bewerken/", views.programme_edit, name="programme_edit"),
    path("programmas/<slug:slug>/leden/", views.directory, name="directory"),
    path("programmas/<slug:slug>/documenten/", views_documents.document_add, name="documents"),
    path("documenten/<int:pk>/", views_documents.document_download, name="document"),
    path(
        "documenten/<int:pk>/verwijderen/",
        views_documents.document_remove,
        name="document_remove",
    ),
    path("programmas/<slug:slug>/leden/beheer/", views.members_manage, name="members_manage"),
    path("programmas/<slug:slug>/mijn-gegevens/", views.visibility, name="visibility"),
    path(
        "programmas/<slug:slug>/bijeenkomsten/nieuw/",
        views_sessions.session_create,
        name="session_create",
    ),
    # Regions' applications.
    path("aanmelden/", views_applications.application_create, name="application_create"),
    path("aanmeldingen/", views_applications.application_list, name="application_list"),
    path("aanmeldingen/<int:pk>/", views_applications.application_detail, name="application"),
    path(
        "aanmeldingen/<int:pk>/aanvullen/",
        views_applications.application_edit,
        name="application_edit",
    ),
    # Sessions.
    path("bijeenkomsten/<int:pk>/", views_sessions.session_detail, name="session"),
    path("bijeenkomsten/<int:pk>/bewerken/", views_sessions.session_edit, name="session_edit"),
    path("bijeenkomsten/<int:pk>/annuleren/", views_sessions.session_cancel, name="session_cancel"),
    path("bijeenkomsten/<int:pk>/aanmelden/", views_sessions.session_register, name="register"),
    path(
        "aanmeldingen-bijeenkomst/<int:pk>/afmelden/",
        views_sessions.registration_cancel,
        name="registration_cancel",
    ),
    path("bijeenkomsten/<int:pk>/aanwezigheid/", views_sessions.attendance, name="attendance"),
    path(
        "bijeenkomsten/<int:pk>/aanwezigheid.xlsx",
        views_sessions.attendance_xlsx,
        name="attendance_xlsx",
    ),
    path(
        "bijeenkomsten/<int:pk>/gast-uitnodigen/", views_sessions.guest_invite, name="guest_invite"
    ),
    path("bijeenkomsten/<int:pk>/verslag/", views_sessions.report_edit, name="report_edit"),
    path(
        "bijeenkomsten/<int:pk>/verslag/dia-s/",
        views_sessions.report_slides,
        name="report_slides",
    ),
    path("gast/<str:token>/", views_sessions.guest_register, name="guest_register"),
    path("gast-afmelden/<str:token>/", views_sessions.guest_cancel, name="guest_cancel"),
    # Library, lessons, learning questions, who can learn from whom.
    path("praktijkvoorbeelden/", views_library.practice_list_view, name="practice_list"),
    path("praktijkvoorbeelden/nieuw/", views_library.practice_create, name="practice_create"),
    path("praktijkvoorbeelden/<slug:slug>/", views_library.practice_view, name="practice"),
    path(
        "praktijkvoorbeelden/<slug:slug>/bewerken/",
        views_library.practice_edit,
        name="practice_edit",
    ),
    path(
        "bijlagen/<int:pk>/",
        views_library.attachment_download,
        name="attachment",
    ),
    path("lessen/", views_library.lessons, name="lessons"),
    path("leervragen/", views_library.questions, name="questions"),
    path("leervragen/nieuw/", views_library.question_create, name="question_create"),
    path("leervragen/<int:pk>/", views_library.question_detail, name="question"),
    path(
        "leervragen/<int:pk>/beantwoorden/", views_library.question_answer, name="question_answer"
    ),
    path("van-elkaar-leren/", views_library.suggestions, name="suggestions"),
]
