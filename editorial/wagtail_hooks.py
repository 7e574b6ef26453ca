from wagtail import hooks

from editorial import admin_clock
from editorial.page_chooser import visible_in_chooser
from language.collation import in_vietnamese_order


@hooks.register("construct_page_chooser_queryset")
def only_live_or_editable_pages(pages, request):
    return visible_in_chooser(pages, request.user)


@hooks.register("insert_global_admin_js")
def date_pickers_on_server_time():
    return admin_clock.global_admin_js()


@hooks.register("construct_explorer_page_queryset")
def titles_in_vietnamese_order(parent_page, pages, request):
    """Sorted by title, the explorer lists "Đắk Hà" before "Ya Xiêr" (language.collation).
    A search keeps the search backend's ordering."""
    if request.GET.get("q"):
        return pages
    return in_vietnamese_order(pages, {"title"})


@hooks.register("register_admin_urls", order=-1)
def translate_screen_for_translators():
    """Before simple_translation's own, at its address: translators translate pages they may
    not edit, into the editions they may add to (editorial/translate_views.py)."""
    from django.urls import path

    from editorial.translate_views import TranslatePageView

    return [
        path(
            "translation/submit/page/<int:page_id>/",
            TranslatePageView.as_view(),
            name="editorial_translate_page",
        )
    ]


@hooks.register("construct_wagtail_userbar")
def translate_from_the_page(request, items, page):
    """A translator reaches a Vietnamese story's Translate screen from the story itself."""
    from editorial.translate_views import TranslatePageItem

    if page is not None:
        items.append(TranslatePageItem(page))
