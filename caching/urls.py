from django.urls import path

from caching.page_cache import csrf_token_view

urlpatterns = [
    path("csrf-token/", csrf_token_view, name="csrf_token"),
]
