"""Admin page form: the slug may be left empty or typed in Vietnamese; we make it ASCII."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .vietnamese import nfc, slugify_vi


class SitePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        if slug and not slug.isascii():
            slug = slugify_vi(slug)
        if not slug:
            title = self.cleaned_data.get("title") or nfc(self.data.get("title", ""))
            slug = self._unique_slug(slugify_vi(title))
        return slug

    def _unique_slug(self, base_slug):
        if not base_slug or self.parent_page is None:
            return base_slug
        candidate, suffix = base_slug, 2
        while not Page._slug_is_available(candidate, self.parent_page, self.instance):
            candidate, suffix = f"{base_slug}-{suffix}", suffix + 1
        return candidate
