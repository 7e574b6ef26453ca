"""Admin page form: the slug may be left empty or typed in Vietnamese; we make it ASCII.
A post whose StreamField data cannot be read is a form error, not a server error."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.base import BlockWidget

from editorial.slug_widget import repaired
from editorial.slugs import unique_slug
from language.vietnamese import nfc, slugify_vi


class SitePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
        self.unreadable_fields = self._guard_block_fields() if self.is_bound else []

    def _guard_block_fields(self):
        """A stale tab or a hand-made request may post a StreamField without its counts
        (`body-count`) or with block types that are gone: Wagtail would fail with a 500. Such
        a field keeps its saved value (disabled) and the form says what happened."""
        unreadable = []
        for name, field in self.fields.items():
            if not isinstance(field.widget, BlockWidget):
                continue
            try:
                field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            except Exception:
                field.disabled = True
                field.widget.value_from_datadict = lambda data, files, name: None
                unreadable.append(name)
        return unreadable

    def clean(self):
        cleaned = super().clean()
        for name in self.unreadable_fields:
            self.add_error(
                name,
                _("This content could not be read from what the browser sent: reload the page."),
            )
        return cleaned

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        title = self.cleaned_data.get("title") or nfc(self.data.get("title", ""))
        if slug and not slug.isascii():
            slug = slugify_vi(slug)
        repaired_slug = repaired(slug, title)
        if repaired_slug != slug:  # filled in by a browser that does not know Vietnamese
            slug = self._unique_slug(repaired_slug)
        if not slug:
            slug = self._unique_slug(slugify_vi(title))
        return slug

    def _unique_slug(self, base_slug):
        if not base_slug or self.parent_page is None:
            return base_slug
        siblings = self.parent_page.get_children()
        if self.instance.pk:
            siblings = siblings.not_page(self.instance)
        return unique_slug(base_slug, siblings)
