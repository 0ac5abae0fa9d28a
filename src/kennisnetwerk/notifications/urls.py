from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.centre, name="centre"),
    path("aantal/", views.count, name="count"),
    path("alles-gelezen/", views.mark_all_read, name="mark_all_read"),
    path("<int:pk>/open/", views.open_notification, name="open"),
    path("<int:pk>/gelezen/", views.mark_read, name="mark_read"),
    path("instellingen/", views.preferences, name="preferences"),
    path("volgen/", views.follow, name="follow"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
