"""Wagtail's users app, with the users listing in Vietnamese order (editorial.admin_users).
Kept apart from the viewset: an AppConfig module is imported before the apps are ready."""

from wagtail.users.apps import WagtailUsersAppConfig


class KontumUsersConfig(WagtailUsersAppConfig):
    user_viewset = "editorial.admin_users.VietnameseUserViewSet"
