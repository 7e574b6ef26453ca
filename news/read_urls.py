"""The read-count beacon (news/most_read.py), included at /luot-doc/ by the project URLconf."""

from django.urls import path

from .most_read import read_beacon

app_name = "reads"

urlpatterns = [path("<int:page_id>/", read_beacon, name="beacon")]
