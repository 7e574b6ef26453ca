"""Admin views that take the place of Wagtail's own at the same addresses (included before
Wagtail's admin in kontum_site/urls.py)."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from editorial import page_chooser_views
from editorial.tagging import autocomplete as tag_autocomplete

urlpatterns = [
    # The tag field's suggestions ignore tone marks.
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        require_admin_access(tag_autocomplete),
        name="tag_autocomplete_folded",
    ),
    # The page chooser titles each page as the viewer may read it.
    *[
        path(f"admin/choose-page/{route}", require_admin_access(never_cache(view.as_view())))
        for route, view in (
            ("", page_chooser_views.BrowseView),
            ("<int:parent_page_id>/", page_chooser_views.BrowseView),
            ("search/", page_chooser_views.SearchView),
            ("chosen-multiple/", page_chooser_views.ChosenMultipleView),
        )
    ],
]
