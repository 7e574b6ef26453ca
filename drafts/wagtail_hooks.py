from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from . import quick_entry
from .models import AutosavedDraft
from .tracking import forget, is_autosave, record_autosave


@hooks.register("insert_editor_js")
def new_page_entry_key():
    return format_html('<script src="{}"></script>', static("drafts/js/new_page_entry.js"))


@hooks.register("before_create_page")
def create_each_new_page_once(request, parent_page, page_class):
    return quick_entry.create_once(request)


@hooks.register("after_create_page")
def remember_pages_created_by_autosave(request, page):
    quick_entry.page_created(request, page)
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
