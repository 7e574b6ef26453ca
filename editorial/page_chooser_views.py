"""Wagtail's page chooser views, with each page titled as the viewer may read it.

Wagtail titles chooser rows with `get_admin_display_title()`, the draft's title: a moderator
or another desk's reporter would read a live story's unpublished retitling there. These
views swap in columns that render each page through `as_seen_by` (editorial.page_chooser),
and the "chosen" answer of a multiple choice gives the same titles; kontum_site/urls.py
mounts them at Wagtail's own chooser URLs.
"""

from wagtail.admin.views import chooser
from wagtail.models import Page

from editorial.page_chooser import as_seen_by, visible_in_chooser


class ViewerTitleMixin:
    def get_cell_context_data(self, instance, parent_context):
        viewer = parent_context["request"].user
        return super().get_cell_context_data(as_seen_by(instance, viewer), parent_context)


class TitleColumn(ViewerTitleMixin, chooser.PageTitleColumn):
    pass


class NavigateToChildrenColumn(ViewerTitleMixin, chooser.PageNavigateToChildrenColumn):
    pass


class ParentColumn(chooser.ParentPageColumn):
    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = as_seen_by(context["value"], parent_context["request"].user)
        return context


VIEWER_COLUMNS = {
    chooser.PageTitleColumn: TitleColumn,
    chooser.PageNavigateToChildrenColumn: NavigateToChildrenColumn,
    chooser.ParentPageColumn: ParentColumn,
}


def with_viewer_titles(columns):
    """Wagtail's columns, each page-titled one turned into its viewer-aware subclass (the
    subclasses add no state, so the column keeps its name, label and options)."""
    for column in columns:
        column.__class__ = VIEWER_COLUMNS.get(type(column), type(column))
    return columns


class BrowseView(chooser.BrowseView):
    @property
    def columns(self):
        return with_viewer_titles(super().columns)


class SearchView(chooser.SearchView):
    @property
    def columns(self):
        return with_viewer_titles(super().columns)


class ChosenMultipleView(chooser.ChosenMultipleView):
    """Only pages the chooser would show, titled for the viewer."""

    def render_chosen_response(self, result):
        user = self.request.user
        ids = [item["id"] for item in result]
        pages = visible_in_chooser(Page.objects.filter(pk__in=ids), user).in_bulk()
        result = [
            {**item, "adminTitle": as_seen_by(pages[item["id"]], user).get_admin_display_title()}
            for item in result
            if item["id"] in pages
        ]
        return super().render_chosen_response(result)
