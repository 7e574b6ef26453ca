"""The desk's side: the queue's edit view logs status changes; files are downloaded through a
view that checks the permission to see tips."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import EditView, InspectView

from .models import Tip, TipAttachment, TipStatus


def can_handle_tips(user):
    return user.is_active and user.has_perm("tips.change_tip")


class TipEditView(EditView):
    """Saving a tip with a new status writes a "status changed" entry in the audit log."""

    def save_instance(self):
        before = Tip.objects.filter(pk=self.form.instance.pk).values_list("status", flat=True)
        previous = before.first()
        instance = super().save_instance()
        if previous is not None and previous != instance.status:
            log(
                instance,
                "tips.status",
                user=self.request.user,
                data={
                    "from": str(TipStatus(previous).label),
                    "to": str(TipStatus(instance.status).label),
                },
            )
        return instance


class TipInspectView(InspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attachments"] = list(self.object.attachments.all())
        return context


@login_required
def attachment(request, pk):
    """A reader's file, for staff who may see tips: never cached, always a download."""
    if not request.user.has_perm("tips.view_tip"):
        raise PermissionDenied
    item = get_object_or_404(TipAttachment, pk=pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=item.original_name, content_type=item.content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
