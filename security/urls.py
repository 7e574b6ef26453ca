"""Wagtail's password and sign-in forms at their own URLs, limited (guarded_views.py)."""

from django.urls import path

from security import guarded_views

urlpatterns = [
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        guarded_views.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        guarded_views.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("_util/login/", guarded_views.site_login, name="wagtailcore_login"),
]
