from django.urls import path

from . import views, views_live

app_name = "community"

urlpatterns: list = [
    # --- Conversations ---------------------------------------------------------------------
    path("", views.index, name="index"),
    path("programmas/<slug:slug>/", views.programme_topics, name="programme"),
    path("programmas/<slug:slug>/nieuw-onderwerp/", views.topic_create, name="topic_create"),
    path("gesprekken/<int:pk>/", views.thread_detail, name="thread"),
    path("gesprekken/<int:pk>/reageren/", views.reply, name="reply"),
    path("gesprekken/<int:pk>/personen/", views.mention_suggestions, name="mention_suggestions"),
    path("gesprekken/<int:pk>/volgen/", views.thread_follow, name="thread_follow"),
    path("gesprekken/<int:pk>/vergrendelen/", views.thread_lock, name="thread_lock"),
    path("gesprekken/<int:pk>/verplaatsen/", views.thread_move, name="thread_move"),
    path("over/<str:kind>/<int:pk>/", views.subject_thread, name="subject_thread"),
    path("berichten/<int:pk>/", views.post_detail, name="post"),
    path("berichten/<int:pk>/bewerken/", views.post_edit, name="post_edit"),
    path("berichten/<int:pk>/melden/", views.post_report, name="post_report"),
    path("berichten/<int:pk>/verbergen/", views.post_hide, name="post_hide"),
    path("berichten/<int:pk>/tonen/", views.post_unhide, name="post_unhide"),
    path("berichten/<int:pk>/accepteren/", views.post_accept, name="post_accept"),
    path("bijlagen/<int:pk>/", views.attachment, name="attachment"),
    path("moderatie/", views.reports, name="reports"),
    path("moderatie/<int:pk>/afhandelen/", views.report_dismiss, name="report_dismiss"),
    # --- Live webinars ---------------------------------------------------------------------
    path("webinars/<int:pk>/live/", views_live.live, name="live"),
    path("webinars/<int:pk>/live/vragen/", views_live.live_ask, name="live_ask"),
    path("webinarvragen/<int:pk>/stem/", views_live.live_vote, name="live_vote"),
    path("webinarvragen/<int:pk>/beantwoord/", views_live.live_answer, name="live_answer"),
    path("webinarvragen/<int:pk>/verbergen/", views_live.live_hide, name="live_hide"),
    path("webinarvragen/<int:pk>/samenvoegen/", views_live.live_merge, name="live_merge"),
    # --- End of live webinars --------------------------------------------------------------
]
