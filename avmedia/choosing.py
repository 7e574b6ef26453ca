"""Anyone who may upload audio and video may also choose the station's, without editing it.

wagtailmedia has no "choose" action: its chooser lists, and lets one pick, only what one may
change (and in Wagtail's collection policy, change means delete too). A reporter must embed
the station's bulletins without being able to delete them, so the chooser lists every item
in the collections one may add to or change, and picking one is allowed on the same terms.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtailmedia import get_media_model, get_permission_policy
from wagtailmedia.views.chooser import get_media_json

CHOOSE_ACTIONS = ["add", "change"]


def choosable_collections(user):
    return get_permission_policy().collections_user_has_any_permission_for(user, CHOOSE_ACTIONS)


def choosable_media(user):
    return get_media_model().objects.filter(collection__in=choosable_collections(user))


def media_chosen(request, media_id):
    """wagtailmedia's media_chosen, allowed for every item one may choose."""
    media = get_object_or_404(get_media_model(), id=media_id)
    if not choosable_collections(request.user).filter(pk=media.collection_id).exists():
        raise PermissionDenied
    return render_modal_workflow(
        request,
        None,
        None,
        None,
        json_data={"step": "media_chosen", "result": get_media_json(media)},
    )
