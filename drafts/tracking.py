"""Tell an autosave from a deliberate save, and an empty new page from one with work in it."""

from .models import AutosavedDraft

# Fields filled by typing the title alone, and the editor's own notification preference.
NOT_CONTENT = {"title", "slug", "comment_notifications"}


def is_autosave(request):
    """Wagtail's autosave posts with `Accept: application/json`; a deliberate save is a form
    submission that accepts HTML."""
    return not request.accepts("text/html")


def typed_only_the_title(request, page):
    """Whether the posted editor form differs from a new, untouched page of the same type only
    in the title and slug (inline panels included)."""
    page_class = page.specific_class
    form_class = page_class.get_edit_handler().get_form_class()
    form = form_class(
        request.POST,
        request.FILES,
        instance=page_class(),
        parent_page=page.get_parent(),
        for_user=request.user,
    )
    if set(form.changed_data) - NOT_CONTENT:
        return False
    return not any(formset.has_changed() for formset in form.formsets.values())


def record_autosave(request, page):
    AutosavedDraft.objects.update_or_create(
        page_id=page.pk, defaults={"empty": typed_only_the_title(request, page)}
    )


def forget(page_id):
    """The page is an ordinary draft (or live) now: an editor saved, submitted or published it."""
    AutosavedDraft.objects.filter(page_id=page_id).delete()
