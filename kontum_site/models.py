from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .pages import SitePage


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

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "kontum_site/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from .home_sections import home_sections

        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self))
        return context


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
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

    panels = [
        FieldPanel("site_name"),
        FieldPanel("publisher_name"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
        FieldPanel("licence"),
    ]

    class Meta:
        verbose_name = _("site identity")
