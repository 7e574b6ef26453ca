from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import register_setting
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.search import index

from base.api_fields import StreamWithImagesField
from base.blocks import content_page_blocks
from base.home_sections import lazy_home_sections
from base.pages import SitePage
from caching.cached_settings import CachedSiteSetting


class HomePage(SitePage):
    """The front page: lead story, latest news, and the campaign and exemplar sections."""

    lead_story = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the home page. Empty: the newest story."),
    )
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)

    content_panels = SitePage.content_panels + [
        FieldPanel("tagline"),
        PageChooserPanel("lead_story", page_type="news.ArticlePage"),
    ]

    api_fields = [APIField("tagline"), APIField("lead_story")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "kontum_site/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_home_sections(self))
        # Banners (breaking news) are read on every render, outside the cached fragments: they
        # expire by the clock, not by a publication.
        for path in settings.HOME_LIVE_PROVIDERS:
            context.update(import_string(path)(self))
        return context


class ContentPage(SitePage):
    """A plain page (about us, privacy policy, contact…): a body, and child pages if needed."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        [
            ("paragraph", blocks.RichTextBlock(label=_("Paragraph"))),
            ("heading", blocks.CharBlock(label=_("Heading"), icon="title")),
            ("image", ImageChooserBlock(label=_("Image"))),
            *content_page_blocks(),
        ],
        verbose_name=_("body"),
        blank=True,
    )
    # Off by default: a content page shows comments only when given them (an imported
    # WordPress page with comments); closed keeps them readable and takes no new one.
    comments_enabled = models.BooleanField(_("comments enabled"), default=False)
    comments_closed = models.BooleanField(
        _("comments closed"),
        default=False,
        help_text=_("Comments already published stay readable; no new comment is taken."),
    )

    content_panels = SitePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    settings_panels = SitePage.settings_panels + [
        FieldPanel("comments_enabled"),
        FieldPanel("comments_closed"),
    ]
    api_fields = [APIField("intro"), APIField("body", serializer=StreamWithImagesField())]
    search_fields = SitePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["kontum_site.HomePage", "kontum_site.ContentPage"]
    template = "kontum_site/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


@register_setting(icon="site")
class SiteIdentity(CachedSiteSetting):
    """What the newsroom shows in the header and footer; editable in the admin."""

    site_name = models.CharField(_("site name"), max_length=120, default="Kon Tum Online")
    publisher_name = models.CharField(
        _("publisher"), max_length=200, default="Đài Phát thanh – Truyền hình Kon Tum"
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    licence = models.CharField(
        _("licence"),
        max_length=255,
        blank=True,
        help_text=_("The press licence line shown in the footer."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked under the comment form and in the footer."),
    )

    select_related = ["privacy_page"]  # the footer's link costs no query of its own

    panels = [
        FieldPanel("site_name"),
        FieldPanel("publisher_name"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
        FieldPanel("licence"),
        PageChooserPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("site identity")


class DemoObject(models.Model):
    """One thing `load_demo` made, under the loader's own key (e.g. "news.story:hoi-nghi").
    The loaders find their objects here, never by title or slug, and leave everything else
    alone (demo/marks.py). A key without an object records a step done once."""

    key = models.CharField(max_length=200, unique=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, blank=True, on_delete=models.CASCADE
    )
    object_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("demo object")
        verbose_name_plural = _("demo objects")
        indexes = [models.Index(fields=["content_type", "object_id"], name="demo_object_idx")]

    def __str__(self):
        return self.key
