"""Pages that Wagtail's autosave created and nobody has saved on purpose yet.

Wagtail 8 autosaves a new page as soon as its title is typed, so a reporter who opens
"add story", types a title and walks away leaves a draft behind. We remember which pages
only autosave has written, and whether the editor typed anything but the title; an explicit
save, a submission or a publication makes the page an ordinary draft again.
"""

from django.conf import settings
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


class NewPageEntry(models.Model):
    """One "add page" form as the browser opened it (a key its script makes), and the page its
    first save created. Autosave creates the page from the add form; a save, schedule or
    publish sent from that same form before the browser heard back must reach that page,
    not create a second one (a "slug already in use" error, duplicate drafts)."""

    key = models.CharField(_("key"), max_length=36, primary_key=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
        verbose_name=_("page"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("new page entry")
        verbose_name_plural = _("new page entries")

    def __str__(self):
        return f"{self.key} → {self.page_id}"
