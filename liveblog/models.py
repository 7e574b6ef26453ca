"""A live blog: a page for an unfolding event, and its updates (rows, not page revisions).

Posting, editing, pinning or deleting an update never runs the page's workflow: an update is
a `LiveUpdate` row, allowed by the desk's roles (liveblog/permissions.py). Each change tells
the page cache at once (`announce`), so the page, its update endpoint and its feed are fresh.
"""

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from base.pages import SitePage
from caching import content_versions
from caching.page_cache import page_content_changed
from language.text_normalization import normalize_instance_text

ENDPOINT = "cap-nhat/"
FEED = "rss/"
ANCHOR = "cap-nhat-{}"


class LiveBlogPage(RoutablePageMixin, SitePage):
    """An unfolding event: updates newest first, pinned and key moments, an end."""

    intro = models.TextField(_("introduction"), blank=True)
    coverage_start = models.DateTimeField(
        _("coverage starts"),
        null=True,
        blank=True,
        help_text=_("Empty: when the page is first published."),
    )
    # Set from the quick-post screen, never from a revision (see with_content_json).
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True, editable=False)

    content_panels = SitePage.content_panels + [FieldPanel("intro"), FieldPanel("coverage_start")]
    search_fields = SitePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["news.NewsIndexPage", "news.SectionPage"]
    subpage_types = []
    template = "liveblog/live_blog_page.html"

    class Meta:
        verbose_name = _("live blog")
        verbose_name_plural = _("live blogs")

    def with_content_json(self, content):
        # Publishing an older revision must not reopen an ended live blog.
        obj = super().with_content_json(content)
        obj.ended_at = self.ended_at
        return obj

    @property
    def is_live(self):
        return self.ended_at is None

    @property
    def coverage_start_time(self):
        return self.coverage_start or self.first_published_at

    def page_cache_paths(self):
        """The endpoint and the feed, purged with the page (caching/page_cache.py)."""
        base = next(iter(self.url_paths([self])), None)
        return {base + ENDPOINT, base + FEED} if base else set()

    def shown_updates(self):
        """Every update, newest first (authors, pictures and their renditions in two queries);
        kept on the instance: the page and its JSON-LD share them."""
        if getattr(self, "_shown_updates", None) is None:
            self._shown_updates = list(
                self.updates.select_related("reporter", "author", "image", "video")
                .prefetch_related("image__renditions")
                .order_by("-created_at", "-pk")
            )
        return self._shown_updates

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        updates = self.shown_updates()
        context["updates"] = updates
        context["pinned_updates"] = [u for u in updates if u.pinned and not u.deleted_at]
        context["key_moments"] = [u for u in updates if u.key_moment and not u.deleted_at]
        context["endpoint_url"] = self.url + ENDPOINT
        context["feed_url"] = self.url + FEED
        context["poll_seconds"] = getattr(settings, "LIVEBLOG_POLL_SECONDS", 15)
        return context

    @path("")
    def live_page(self, request):
        return self.render(request)

    @path(ENDPOINT, name="updates")
    def updates_fragment(self, request):
        """The updates as an HTML fragment for the readers' polling script (live.js). Its
        validators come from the blog's own content stamp (caching/content_versions.py): an
        unchanged blog answers `If-None-Match` with 304 before anything is rendered."""
        validators = content_versions.http_validators(request, self, scopes=())
        if validators is not None:  # the blog's own stamp: every update moves it (announce)
            headers = HttpResponse()
            headers["ETag"], headers["Last-Modified"] = validators[0], http_date(validators[1])
            headers["Cache-Control"] = endpoint_cache_control()
            answer = get_conditional_response(
                request, etag=validators[0], last_modified=validators[1], response=headers
            )
            if answer is not headers:
                answer["Cache-Control"] = endpoint_cache_control()
                return answer
        response = TemplateResponse(
            request, "liveblog/includes/live_feed.html", self.get_context(request)
        )
        response.render()
        if validators is not None:
            response["ETag"], response["Last-Modified"] = headers["ETag"], headers["Last-Modified"]
        response["Cache-Control"] = endpoint_cache_control()
        response["Vary"] = "Cookie"
        response.context_data = None  # not the page cache's (its headers are for pages)
        return response

    @path(FEED, name="feed")
    def feed(self, request):
        from .feeds import LiveUpdatesFeed

        return LiveUpdatesFeed()(request, page=self)

    def serve_preview(self, request, mode_name):
        return self.render(request)

    def get_structured_data(self, request):
        from .seo import live_blog_posting

        return live_blog_posting(self, request)

    def end(self):
        LiveBlogPage.objects.filter(pk=self.pk).update(ended_at=timezone.now())
        self.refresh_from_db(fields=["ended_at"])
        announce(self, home_too=True)

    def reopen(self):
        LiveBlogPage.objects.filter(pk=self.pk).update(ended_at=None)
        self.refresh_from_db(fields=["ended_at"])
        announce(self, home_too=True)

    def anchor_url(self, update):
        return f"{self.url}#{ANCHOR.format(update.pk)}"

    def redirect_to_update(self, update):
        return redirect(self.anchor_url(update))


def endpoint_cache_control():
    """Browsers always ask again (the script revalidates with If-None-Match); Varnish keeps
    the answer a few seconds, so every reader polling in between is one origin request."""
    seconds = getattr(settings, "LIVEBLOG_SHARED_MAX_AGE", 5)
    return f"public, max-age=0, s-maxage={seconds}"


def announce(page, home_too=False):
    """The page changed outside publishing: the caching app's public signal bumps the page's
    stamp (new ETags for the page, endpoint and feed) and purges the page, its ancestors and
    its `page_cache_paths()` from the page cache and the HTTP front. With `home_too` (the blog
    ended or reopened: a change to the page row itself, as a publication is), the site's stamp
    moves (the routing cache keeps page rows until it does) and the home page's (its badge)."""
    if home_too:
        content_versions.bump(content_versions.SITE)
    page_content_changed.send(sender=LiveUpdate, page=page, listings=True)
    if home_too:
        home = page.get_ancestors().filter(depth=2).first()
        if home is not None:
            page_content_changed.send(sender=LiveUpdate, page=home, listings=False)


class LiveUpdate(models.Model):
    """One timestamped update: text, and optionally a picture, a video, an embed, a quote."""

    page = models.ForeignKey(
        LiveBlogPage, on_delete=models.CASCADE, related_name="updates", verbose_name=_("live blog")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reporter = models.ForeignKey(
        "news.Reporter",
        verbose_name=_("reporter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_caption = models.CharField(_("picture caption"), max_length=255, blank=True)
    video = models.ForeignKey(
        settings.WAGTAILMEDIA["MEDIA_MODEL"],
        verbose_name=_("video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    embed_url = models.URLField(_("embed (address)"), blank=True)
    quote = models.TextField(_("quote"), blank=True)
    quote_source = models.CharField(_("quote source"), max_length=255, blank=True)
    pinned = models.BooleanField(_("pinned"), default=False)
    key_moment = models.BooleanField(_("key moment"), default=False)

    class Meta:
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("moderate_liveupdate", "Can pin updates, mark key moments and end live blogs"),
        ]

    def __str__(self):
        return (self.text or self.quote or str(self.image or ""))[:60]

    def save(self, *args, **kwargs):
        normalize_instance_text(self)
        super().save(*args, **kwargs)

    @property
    def anchor(self):
        return ANCHOR.format(self.pk)

    @property
    def byline(self):
        if self.reporter_id:
            return self.reporter.name
        if self.author_id:
            return self.author.get_full_name().strip() or self.author.get_username()
        return ""

    @property
    def headline(self):
        text = (self.text or self.quote or self.image_caption or "").strip()
        first = text.splitlines()[0] if text else ""
        return first[:110]
