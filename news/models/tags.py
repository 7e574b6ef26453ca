"""Tags of stories: one spelling per subject, public tags only on the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import NaturalKeyManager, TagBase, TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
)

from base.statements import Statement
from caching import view_restrictions
from language.vietnamese import fold, slugify_vi


class NewsTagQuerySet(models.QuerySet):
    def public(self):
        """Tags used by a live story anyone may read: only these have a page, a feed, a place
        in listings and in the tag field's suggestions (a draft's or a scheduled story's tag,
        or a slip of the keyboard, stays private until a story using it goes live)."""
        stories = ArticlePageTag._meta.get_field("content_object").related_model
        readable = view_restrictions.readable(stories.objects.all()).values("pk")
        live_links = ArticlePageTag.objects.filter(content_object__in=readable)
        return self.filter(pk__in=live_links.values("tag_id"))


class NewsTag(TagBase):
    """A story tag with an ASCII slug ("Nông thôn mới" → nong-thon-moi).

    One spelling per tag: `folded` (no tone marks, no case) is unique in practice, and a tag
    typed as "Đắk Glei" reuses "Đăk Glei" (editorial.tagging)."""

    name = models.CharField(_("tag name"), unique=True, max_length=100)  # taggit's, translated
    folded = models.CharField(max_length=100, editable=False, db_index=True, default="")
    description = models.TextField(
        _("description"), blank=True, help_text=_("Shown at the top of the tag's page.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    objects = NaturalKeyManager.from_queryset(NewsTagQuerySet)()

    def slugify(self, tag, i=None):
        slug = slugify_vi(tag) or "the"
        return f"{slug}-{i}" if i is not None else slug

    def save(self, *args, **kwargs):
        self.folded = fold(self.name)[:100]
        super().save(*args, **kwargs)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )
    tag = models.ForeignKey(NewsTag, on_delete=models.CASCADE, related_name="tagged_stories")


def _public_tag_by_slug(_restricted, *, slug):
    return NewsTag.objects.public().filter(slug=slug)


# A tag page's tag, read by every render of it from nothing (base/statements.py).
PUBLIC_TAG_BY_SLUG = Statement(_public_tag_by_slug)


def public_tag(slug):
    """The public tag of this slug (see NewsTagQuerySet.public), or None."""
    found = view_restrictions.readable_rows(PUBLIC_TAG_BY_SLUG, slug=slug)
    return found[0] if found else None
