from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from language.collation import VietnameseSnippetIndexView

from .models import NewsTag, Reporter
from .start_screen import add_start_panel
from .tag_merge import merge_tags


class BylineChooserViewSet(SnippetChooserViewSet):
    """The byline chooser has a "create" tab: a reporter adds a colleague's byline in place."""

    form_fields = ["name", "role"]
    create_action_label = _("Add this byline")


class ReporterViewSet(SnippetViewSet):
    index_view_class = VietnameseSnippetIndexView
    model = Reporter
    chooser_viewset_class = BylineChooserViewSet
    icon = "user"
    menu_label = _("Reporters")
    list_display = ["name", "role", "slug"]
    # No field list: search every indexed field, including the folded name ("nguyen" → Nguyễn).
    ordering = ["name"]


class NewsTagViewSet(SnippetViewSet):
    index_view_class = VietnameseSnippetIndexView
    model = NewsTag
    icon = "tag"
    menu_label = _("Tags")
    list_display = ["name", "slug", "description"]
    search_fields = ["name", "folded"]
    ordering = ["name"]


class NewsroomViewSetGroup(SnippetViewSetGroup):
    items = (ReporterViewSet, NewsTagViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Newsroom")
    menu_name = "newsroom"


register_snippet(NewsroomViewSetGroup)


class MergeTagsForm(forms.Form):
    keep = forms.ModelChoiceField(
        label=_("Keep this spelling"),
        queryset=NewsTag.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )


@hooks.register("register_bulk_action")
class MergeTagsBulkAction(SnippetBulkAction):
    """Select two or more tags, pick the spelling to keep: one tag, old addresses redirect."""

    display_name = _("Merge")
    action_type = "merge"
    aria_label = _("Merge the selected tags into one")
    template_name = "news/admin/confirm_merge_tags.html"
    models = [NewsTag]
    form_class = MergeTagsForm

    def check_perm(self, obj):
        return self.request.user.has_perm("news.change_newstag") and self.request.user.has_perm(
            "news.delete_newstag"
        )

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        ids = [pk for pk in self.request.GET.getlist("id") if pk.isdigit()]
        form.fields["keep"].queryset = NewsTag.objects.filter(pk__in=ids).order_by("pk")
        return form

    def get_execution_context(self):
        return {"keep": self.cleaned_form.cleaned_data["keep"], "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, keep=None, user=None, **kwargs):
        return merge_tags(keep, objects, user=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("%(count)d tags merged.") % {"count": num_parent_objects}


@hooks.register("register_log_actions")
def register_tag_log_actions(actions):
    actions.register_action("news.merge_tags", _("Merge tags"), _("Tags merged"))


@hooks.register("construct_homepage_panels")
def reporter_start_panel(request, panels):
    add_start_panel(request, panels)
