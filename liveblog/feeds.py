"""An RSS 2.0 feed of a live blog's updates (newest first, deleted ones left out)."""

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from discovery import seo

FEED_SIZE = 50


class UpdatesRss(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"


class LiveUpdatesFeed(Feed):
    feed_type = UpdatesRss
    # None: Django's Feed writes the active language, the edition's (a blog answers only under
    # its own edition's prefix: editions/wagtail_hooks.py).
    language = None

    def __call__(self, request, *args, page=None, **kwargs):
        self.request = request
        self.page = page
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.page

    def title(self, obj):
        return _("%(title)s – live updates") % {"title": obj.title}

    def link(self, obj):
        return obj.get_full_url(self.request)

    def description(self, obj):
        return obj.intro or obj.title

    def items(self, obj):
        return list(
            obj.updates.filter(deleted_at__isnull=True)
            .select_related("reporter", "author", "image")
            .order_by("-created_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.headline or _("Update")

    def item_description(self, item):
        return render_to_string(
            "liveblog/includes/update_body.html", {"update": item}, request=self.request
        )

    def item_link(self, item):
        return seo.absolute_url(self.request, self.page.anchor_url(item))

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.edited_at or item.created_at

    def item_author_name(self, item):
        return item.byline or None
