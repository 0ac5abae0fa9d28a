from django.urls import path

from . import views, views_calendar, views_digest, views_messages, views_subscriber_import

app_name = "outreach"

urlpatterns = [
    path("", views_calendar.index, name="index"),
    path("<slug:slug>/aanmelden/", views.subscribe, name="subscribe"),
    path("<slug:slug>/aangemeld/", views.subscribed, name="subscribed"),
    path("bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("voorkeuren/<str:token>/", views.preferences, name="preferences"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # Importing a party's list of subscribers.
    path(
        "<slug:slug>/abonnees/importeren/",
        views_subscriber_import.subscriber_import,
        name="subscriber_import",
    ),
    path(
        "<slug:slug>/abonnees/importeren/<str:token>/",
        views_subscriber_import.subscriber_import_preview,
        name="subscriber_import_preview",
    ),
    # Messages of the parties and the editorial queue.
    path("berichten/mijn/", views_messages.my_messages, name="my_messages"),
    path("berichten/<int:pk>/", views_messages.message_view, name="message"),
    path("berichten/<int:pk>/bewerken/", views_messages.message_edit, name="message_edit"),
    path("berichten/<int:pk>/annuleren/", views_messages.message_cancel, name="message_cancel"),
    path("redactie/<int:pk>/", views_messages.message_review, name="message_review"),
    path("<slug:slug>/berichten/nieuw/", views_messages.message_submit, name="message_submit"),
    path("<slug:slug>/redactie/", views_messages.editorial_queue_view, name="editorial_queue"),
    # Sending: preview, runs and contact pressure (coordinators).
    path("<slug:slug>/verzending/", views_digest.sending, name="sending"),
    path("<slug:slug>/verzending/starten/", views_digest.sending_start, name="sending_start"),
    # The joint calendar and the feeds.
    path("<slug:slug>/agenda/", views_calendar.calendar_page, name="calendar"),
    path("<slug:slug>/agenda.ics", views_calendar.calendar_ics, name="calendar_ics"),
    path(
        "<slug:slug>/agenda/<slug:theme>.ics",
        views_calendar.calendar_theme_ics,
        name="calendar_theme_ics",
    ),
    path("<slug:slug>/berichten.xml", views_calendar.messages_rss, name="rss"),
]
