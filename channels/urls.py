from django.urls import path

from . import views

app_name = "channels"

urlpatterns = [
    path("", views.live_page, name="live"),
    path("<slug:slug>/lich-phat-song.ics", views.schedule_feed, name="schedule_feed"),
]
