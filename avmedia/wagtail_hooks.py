"""The media chooser offers the station's audio and video to all who may upload (choosing.py)."""

from django.urls import path
from wagtail import hooks

from .choosing import choosable_media, media_chosen


@hooks.register("construct_media_chooser_queryset")
def every_choosable_item(media_files, request):
    return choosable_media(request.user)


@hooks.register("register_admin_urls")
def register_media_chosen():
    # The same address as wagtailmedia's view: avmedia comes first in INSTALLED_APPS, so its
    # admin URLs come first and this view answers (tests/news/test_role_boundaries.py).
    return [path("media/chooser/<int:media_id>/", media_chosen, name="avmedia_media_chosen")]
