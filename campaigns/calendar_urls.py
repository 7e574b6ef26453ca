from django.urls import path

from .calendar_feed import calendar_view

urlpatterns = [path("thi-dua.ics", calendar_view, name="campaigns_calendar")]
