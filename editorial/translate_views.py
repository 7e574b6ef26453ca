"""The "Translate" screen of `wagtail.contrib.simple_translation`, for translators too.

Wagtail's screen lets a user translate only a page they may edit, and then creates the copy
in any language without asking whether they may add pages there. A translator ("Biên dịch
viên", editorial/translators.py) must translate Vietnamese stories they may not edit, into
the editions they work in. So here, at the same address (registered before Wagtail's):
- the page may be translated by whoever may edit it (as in Wagtail), or, when it is live, by
  a user with the "submit translation" permission who may add pages under the page's parent
  in some other language (its translation there);
- only those languages can be chosen; any other is refused.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import BaseItem
from wagtail.contrib.simple_translation.forms import SubmitTranslationForm
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Page


def addable_locale_ids(page, user):
    """The languages `user` may put a translation of `page` in: those where the page's
    parent has a translation they may add pages under (any, at the root)."""
    parent = page.get_parent()
    if parent.is_root():
        return set()  # an edition's home: only whoever may edit the Vietnamese home
    return {
        translation.locale_id
        for translation in parent.get_translations(inclusive=False)
        if translation.permissions_for_user(user).can_add_subpage()
    }


class TranslatorSubmitTranslationForm(SubmitTranslationForm):
    def __init__(self, instance, *args, allowed_locale_ids=None, **kwargs):
        super().__init__(instance, *args, **kwargs)
        self.allowed_locale_ids = allowed_locale_ids
        if allowed_locale_ids is not None:
            widget = self.fields["locales"].widget
            others = self.fields["locales"].queryset.exclude(id__in=allowed_locale_ids)
            widget.disabled_values = sorted(
                set(widget.disabled_values) | set(others.values_list("id", flat=True))
            )

    def clean_locales(self):
        locales = self.cleaned_data["locales"]
        if self.allowed_locale_ids is not None:
            refused = [locale for locale in locales if locale.pk not in self.allowed_locale_ids]
            if refused:
                raise PermissionDenied
        return locales


class TranslatePageView(SubmitPageTranslationView):
    title = _("Translate page")

    def get_object(self):
        page = get_object_or_404(Page, id=self.kwargs["page_id"]).specific
        if page.is_root():
            raise Http404
        self.allowed_locale_ids = None  # whoever may edit the page: every language
        if not page.permissions_for_user(self.request.user).can_edit():
            if not page.live:
                raise PermissionDenied  # a draft is its desk's: not to be copied out
            self.allowed_locale_ids = addable_locale_ids(page, self.request.user)
            if not self.allowed_locale_ids:
                raise PermissionDenied
        return page

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return TranslatorSubmitTranslationForm(
            self.object, data, allowed_locale_ids=self.allowed_locale_ids
        )


class TranslatePageItem(BaseItem):
    """ "Translate this page" in the reader's page's user bar: how a translator, who cannot
    browse the Vietnamese tree in the admin, reaches the Translate screen of a story."""

    template_name = "editorial/userbar/item_translate.html"

    def __init__(self, page):
        self.page = page

    def render_html(self, parent_context):
        request = parent_context.get("request")
        user = getattr(request, "user", None)
        page = self.page
        if user is None or not getattr(page, "pk", None) or page.depth <= 1:
            return ""
        if getattr(request, "is_preview", False):
            return ""
        if not user.has_perm("simple_translation.submit_translation"):
            return ""
        if not page.permissions_for_user(user).can_edit() and not (
            page.live and addable_locale_ids(page, user)
        ):
            return ""
        return super().render_html(parent_context)
