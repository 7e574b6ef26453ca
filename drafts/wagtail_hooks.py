from wagtail import hooks

from .models import AutosavedDraft
from .tracking import forget, is_autosave, record_autosave


@hooks.register("after_create_page")
def remember_pages_created_by_autosave(request, page):
    if is_autosave(request):
        record_autosave(request, page)


@hooks.register("after_edit_page")
def follow_autosaves_of_new_pages(request, page):
    if not is_autosave(request):
        forget(page.pk)
    elif AutosavedDraft.objects.filter(page_id=page.pk).exists():
        record_autosave(request, page)


@hooks.register("construct_explorer_page_queryset")
def hide_empty_autosaved_drafts(parent_page, pages, request):
    return pages.exclude(autosaved_draft__empty=True)
