"""Snippet choosers that open only for those allowed to see the model.

Wagtail's snippet chooser (/admin/snippets/choose/<app>/<model>/) lists every row to anyone
signed in to the admin: it checks no permission. For models holding readers' private data
(comments with their addresses, outgoing mail) the chooser asks the model's permission policy
first, as the snippet's own listing does.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import SnippetChooserViewSet

SEE_ACTIONS = ["view", "change"]


def user_may_see(user, model):
    return policy_registry.get_by_type(model).user_has_any_permission(user, SEE_ACTIONS)


class PrivateSnippetChooserViewSet(SnippetChooserViewSet):
    """Every chooser view (choose, results, chosen, create) refuses who may not see the model."""

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        model = self.model

        def checked_view(request, *args, **kwargs):
            if not user_may_see(request.user, model):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        checked_view.view_class = getattr(view, "view_class", None)
        return checked_view
