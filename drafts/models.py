"""Pages that Wagtail's autosave created and nobody has saved on purpose yet.

Wagtail 8 autosaves a new page as soon as its title is typed, so a reporter who opens
"add story", types a title and walks away leaves a draft behind. We remember which pages
only autosave has written, and whether the editor typed anything but the title; an explicit
save, a submission or a publication makes the page an ordinary draft again.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AutosavedDraft(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="autosaved_draft",
        verbose_name=_("page"),
    )
    # True while the editor has typed nothing but the title (and the slug made from it).
    empty = models.BooleanField(_("empty"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last autosaved at"), auto_now=True)

    class Meta:
        verbose_name = _("autosaved draft")
        verbose_name_plural = _("autosaved drafts")

    def __str__(self):
        return f"{self.page_id} ({'empty' if self.empty else 'with content'})"
