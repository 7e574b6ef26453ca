"""Bring a WordPress export into the site: posts, pages, media, people, tags, comments, links.

Streaming passes over the export, or over the several files one site was exported as
(memory stays bounded whatever their size):
1. index, over every file: every post's and page's old URL and ID, every attachment (id →
   file path, its parent post, its comments), every term's parent;
2. terms → tags and attachments → images/documents, from every file, before any body is read,
   so a picture is placed whatever the order of the items or files;
3. posts → stories, pages → content pages (parents first), each item in its own transaction
   with what it owns (its comments and its attachments' comments, its redirects);
4. links: bodies that pointed at posts imported later are converted again.

A dry run is the real run inside one transaction that is rolled back: its counts are the
real run's.

Every object remembers its WordPress site and ID (`ImportedObject`), so running the same
export again updates in place and creates nothing twice; an interrupted run can be re-run.
"""

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site

from base.models import ContentPage, HomePage
from caching import content_versions
from comments.models import Comment, Status, body_fingerprint
from editorial.tagging import existing_spellings
from language.vietnamese import nfc, slugify_vi
from news.models import ArticleByline, ArticlePage, NewsIndexPage, NewsTag, Reporter
from security.client_ip import network

from . import wxr
from .body import BodyConverter, Links, title_text
from .body import content_page_block as _content_block
from .models import ImportedObject

IMAGE_TYPES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff"}
COMMENT_STATUS = {
    "1": Status.APPROVED,
    "0": Status.PENDING,
    "spam": Status.SPAM,
    "trash": Status.TRASH,
    "post-trashed": Status.TRASH,
}
TITLE_KEYS = ("_yoast_wpseo_title",)
TAG_DOMAINS = ("post_tag", "tag", "category")  # "tag": WXR 1.0
LIVE_STATUSES = ("publish", "future")  # the statuses whose old address a reader could open
DESCRIPTION_KEYS = ("_yoast_wpseo_metadesc",)


@dataclass
class Report:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    look_at: list = field(default_factory=list)  # (kind, WordPress ID, why)

    def note(self, kind, wp_id, why):
        self.look_at.append((kind, wp_id, why))


def _gmt(value):
    value = (value or "").strip()
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _local(value):
    parsed = _gmt(value)
    return timezone.make_aware(parsed.replace(tzinfo=None)) if parsed else None


def _path(url):
    parts = urlsplit(url or "")
    path = unquote(parts.path or "/")
    return path + (f"?{parts.query}" if parts.query else "")


def _hosts(*urls):
    """Every spelling of the site's hosts (with and without www.)."""
    hosts = set()
    for url in urls:
        host = urlsplit(url or "").netloc.lower()
        if host:
            bare = host.removeprefix("www.")
            hosts |= {bare, f"www.{bare}"}
    return tuple(sorted(hosts))


def _uploads_path(url):
    """Where an attachment's file sits under a copy of the uploads: after /uploads/, or the
    whole path on WordPress.com's file hosts (files.wordpress.com, wp.com)."""
    url = (url or "").strip().split("?")[0]  # exports pad some with spaces
    if "/uploads/" in url:
        return unquote(url.split("/uploads/", 1)[1])
    parts = urlsplit(url)
    if parts.netloc.endswith(("files.wordpress.com", ".wp.com")):
        return unquote(parts.path.lstrip("/"))
    return ""


def _same_site(first, second):
    def bare(url):
        parts = urlsplit((url or "").strip().rstrip("/"))
        return (parts.netloc.lower().removeprefix("www.") + parts.path).rstrip("/")

    return bare(first) == bare(second)


def site_key(site):
    """The site an export came from: its base URL combined with its blog's URL (every
    WordPress.com export says https://wordpress.com/), or its title without either."""
    base = (site.get("base_site_url") or "").strip().rstrip("/")
    blog = (site.get("base_blog_url") or site.get("link") or "").strip().rstrip("/")
    if base and (not blog or _same_site(base, blog)):
        key = base  # a self-hosted site: the key earlier imports used
    elif base or blog:
        key = f"{base} {blog}".strip()
    else:
        key = "title:" + (site.get("title") or "wordpress")
    if len(key) > 255:
        key = key[:190] + " " + hashlib.sha256(key.encode()).hexdigest()[:64]
    return key


class WordPressImporter:
    def __init__(self, paths, uploads=None, dry_run=False, progress=None):
        self.paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
        self.path = self.paths[0]
        self.uploads = Path(uploads) if uploads else None
        self.dry_run = dry_run
        self.progress = progress or (lambda done, total: None)
        self.report = Report()
        self.site_url = ""
        self.prefix = ""  # the path of a WordPress installed in a subfolder ("/blog")
        self.hosts = ()
        self.urls = {}  # old URL path (and "/?p=ID") → WordPress post/page ID
        self.attachments = {}  # attachment ID → path under the uploads
        self.attachment_by_file = {}  # path under the uploads → attachment ID
        self.attachment_parent = {}  # attachment ID → its post's ID
        self.attachment_link = {}  # attachment ID → its attachment page's old URL
        self.attached = defaultdict(list)  # post ID → its attachments' IDs
        self.attachment_comments = defaultdict(list)  # post ID → its attachments' comments
        self.stray_comments = []  # comments of attachments that belong to no post
        self.category_parent = {}  # category nicename → its parent's nicename
        self.captions = {}  # attachment ID → its caption (body.Links.attachment_caption)
        self.image_attachments = set()  # attachment IDs whose file is a picture
        self.authors = {}  # login → display name
        self.needs_links = set()
        self.counted_authors = set()
        self.redirected_terms = set()
        self.total = 0

    # ------------------------------------------------------------------ entry point

    def run(self):
        self._index()
        self.home = HomePage.objects.first() or Site.objects.get(is_default_site=True).root_page
        self.news_index = NewsIndexPage.objects.first()
        if self.news_index is None:
            raise wxr.WXRError(_("The site has no news section to import stories into."))
        if not self.dry_run:  # each item commits on its own: an interrupted run resumes
            self._import()
            self._relink()
            return self.report
        with transaction.atomic():  # a dry run is the real run, rolled back at the end
            self._import()
            self._relink()
            transaction.set_rollback(True)
        return self.report

    def _read(self):
        for path in self.paths:
            yield from wxr.read(path)

    # ------------------------------------------------------------------ pass 1

    def _index(self):
        keys = {}
        for path in self.paths:
            site = {}
            for kind, value in wxr.read(path):
                if kind == "site":
                    for name, text in value.items():
                        site.setdefault(name, text)
                elif kind == "author":
                    self.authors[value.get("author_login", "")] = value.get(
                        "author_display_name"
                    ) or value.get("author_login", "")
                elif kind == "term":
                    parent = value.get("category_parent") or ""
                    if value["element"] == "category" and parent:
                        self.category_parent[value.get("category_nicename", "")] = parent
                elif kind == "item":
                    self._index_item(value)
            keys[path] = site_key(site)
            if not self.site_url:
                self.site_url = keys[path]
                blog = site.get("base_blog_url") or site.get("link") or ""
                self.prefix = unquote(urlsplit(blog).path).rstrip("/")
                base = site.get("base_site_url") or ""
                self.hosts = _hosts(
                    blog, site.get("link"), "" if "//wordpress.com" in base else base
                )
        if len(set(keys.values())) > 1:
            raise wxr.WXRError(
                _(
                    "These files come from different WordPress sites (%(sites)s): "
                    "import them one site at a time."
                )
                % {"sites": ", ".join(sorted(set(keys.values())))}
            )
        for post_id in self.attached:  # galleries show attachments in their menu order
            self.attached[post_id].sort(key=lambda pair: pair[0])

    def _index_item(self, value):
        self.total += 1
        wp_id = value.wp_id
        if item_is(value, "attachment"):
            url = value.fields.get("attachment_url", "") or value.link
            relative = _uploads_path(url)
            if Path(urlsplit(url.strip()).path).suffix.lower() in IMAGE_TYPES:
                self.image_attachments.add(wp_id)
            self.captions[wp_id] = wxr.clean(_strip_tags(value.excerpt))
            self.attachments[wp_id] = relative
            if relative:
                self.attachment_by_file[relative] = wp_id
            parent = value.fields.get("post_parent", "0").strip()
            if parent not in ("", "0"):
                self.attachment_parent[wp_id] = parent
                order = value.fields.get("menu_order", "0").strip()
                order = int(order) if order.lstrip("-").isdigit() else 0
                self.attached[parent].append((order, wp_id))
                if value.comments:
                    self.attachment_comments[parent].extend(value.comments)
            else:
                self.stray_comments.extend(value.comments)
            if value.link:
                self.attachment_link[wp_id] = value.link
        elif item_is(value, "post", "page"):
            if value.link:
                self.urls[_path(value.link)] = wp_id
            if value.has_wp_id:
                for prefix in {"", self.prefix}:
                    self.urls[f"{prefix}/?p={wp_id}"] = wp_id
                    self.urls[f"{prefix}/?page_id={wp_id}"] = wp_id

    # ------------------------------------------------------------------ passes 2 and 3

    def _import(self):
        for kind, value in self._read():  # terms and media first: bodies then find them
            if kind == "term":
                self._atomic(self._term, value)
            elif kind == "item" and item_is(value, "attachment"):
                self._atomic(self._attachment, value)
        pages = []  # pages wait until their parents exist (they are few)
        done = 0
        for kind, value in self._read():
            if kind != "item":
                continue
            done += 1
            self.progress(done, self.total)
            if item_is(value, "attachment"):
                pass
            elif item_is(value, "post"):
                self._atomic(self._post, value)
            elif item_is(value, "page"):
                pages.append(value)
            else:
                label = _("items of another type (%(type)s)") % {"type": value.post_type or "?"}
                self.report.skipped[label] += 1
                for comment in value.comments:  # no page to show them: listed
                    self.report.note(
                        "comment",
                        comment.id,
                        _("on item %(id)s of another type (%(type)s): not imported")
                        % {"id": value.wp_id, "type": value.post_type or "?"},
                    )
        by_id = {page.wp_id: page for page in pages}

        def order(page):  # parents first; siblings in WordPress's menu order
            menu_order = page.fields.get("menu_order", "0").strip()
            return (
                self._page_depth(page, by_id),
                int(menu_order or 0) if menu_order.lstrip("-").isdigit() else 0,
                int(page.wp_id) if page.wp_id.isdigit() else 0,
            )

        for page in sorted(pages, key=order):
            self._atomic(self._page, page)
        self._attachment_pages()
        self._report_stray_comments()

    def _report_stray_comments(self):
        """Comments on an attachment that has no imported post to show them: listed."""
        stray = list(self.stray_comments)
        for parent, comments in self.attachment_comments.items():
            if self._known("post", parent) is None and self._known("page", parent) is None:
                stray.extend(comments)
        for comment in stray:
            if comment.type not in ("pingback", "trackback"):
                self.report.note(
                    "comment",
                    comment.id,
                    _("on an attachment with no imported post or page: not imported"),
                )

    def _atomic(self, handler, value):
        with transaction.atomic():
            handler(value)

    # ------------------------------------------------------------------ mapping

    def _known(self, kind, wp_id):
        row = ImportedObject.objects.filter(site=self.site_url, kind=kind, wp_id=wp_id).first()
        return row.target if row else None

    def _remember(self, kind, wp_id, obj, fingerprint=""):
        ImportedObject.objects.update_or_create(
            site=self.site_url,
            kind=kind,
            wp_id=wp_id,
            defaults={
                "content_type": ContentType.objects.get_for_model(obj, for_concrete_model=False),
                "object_id": obj.pk,
                "fingerprint": fingerprint,
            },
        )

    def _unchanged(self, kind, item, extra=()):
        """True when this item was imported before exactly as it reads now, and completely
        (an item that missed a picture has no fingerprint: the next run tries again)."""
        return ImportedObject.objects.filter(
            site=self.site_url,
            kind=kind,
            wp_id=item.wp_id,
            fingerprint=_fingerprint(item, extra),
        ).exists()

    def _count(self, kind, created):
        (self.report.created if created else self.report.updated)[kind] += 1

    # ------------------------------------------------------------------ people, terms

    def _reporter(self, login):
        name = nfc(self.authors.get(login) or login).strip()
        if not name:
            return None
        known = self._known("author", login)
        if known is not None:
            return known
        reporter = Reporter.objects.filter(name__iexact=name).first()
        created = reporter is None
        if created:
            reporter = Reporter.objects.create(name=name)
        self._remember("author", login, reporter)
        if login not in self.counted_authors:  # a dry run undoes each item: count once
            self.counted_authors.add(login)
            self._count("reporter", created)
        return reporter

    def _term(self, value):
        name = value.get("tag_name") or value.get("cat_name") or value.get("term_name")
        taxonomy = value.get("term_taxonomy") or (
            "category" if value["element"] == "category" else "post_tag"
        )
        if not name or taxonomy not in ("post_tag", "category"):
            return
        slug = value.get("tag_slug") or value.get("category_nicename") or value.get("slug")
        self._term_redirects(taxonomy, slug, self._tag(name))

    def _term_redirects(self, taxonomy, slug, tag):
        """/tag/x/ and /category/y/ (a child category also under its parents' path), under
        the subfolder WordPress was installed in, answer 301 to the tag's page."""
        slug = unquote(slug or "").strip()
        if tag is None or not slug or (taxonomy, slug) in self.redirected_terms:
            return
        self.redirected_terms.add((taxonomy, slug))
        if taxonomy == "category":
            chain, parent, seen = [slug], self.category_parent.get(slug), {slug}
            while parent and parent not in seen:
                seen.add(parent)
                chain.insert(0, parent)
                parent = self.category_parent.get(parent)
            paths = {f"/category/{slug}/", "/category/" + "/".join(chain) + "/"}
        else:
            paths = {f"/tag/{slug}/"}
        for path in paths:
            self._redirect(self.prefix + path, link=self.news_index.tag_url(tag))

    def _tag(self, name):
        name = nfc(name).strip()[:100]
        if not name or name.lower() in ("uncategorized", "chưa được phân loại"):
            return None
        spelling = existing_spellings(NewsTag, [name]).get(name, name)
        tag = NewsTag.objects.filter(name=spelling).first()
        if tag is None:
            tag = NewsTag.objects.create(name=spelling)
            self.report.created["tag"] += 1  # once: later items find it (a dry run too)
        return tag

    # ------------------------------------------------------------------ media

    def _attachment(self, item):
        relative = self.attachments.get(item.wp_id, "")
        source = self.uploads / relative if self.uploads and relative else None
        if source is None or not source.is_file():
            self.report.skipped[_("attachment (file missing)")] += 1
            self.report.note("attachment", item.wp_id, _("file not found: %s") % (relative or "?"))
            return
        if self._unchanged("attachment", item):
            self.report.skipped[_("unchanged since the last import")] += 1
            return
        is_image = source.suffix.lower() in IMAGE_TYPES
        kind = "image" if is_image else "document"
        title = item.title or source.stem
        alt = wxr.clean(item.meta.get("_wp_attachment_image_alt", ""))
        known = self._known("attachment", item.wp_id)
        if known is None:
            model = get_image_model() if is_image else get_document_model()
            with source.open("rb") as handle:
                obj = model(title=title[:255], file=File(handle, name=source.name))
                if is_image and hasattr(obj, "description"):
                    obj.description = (alt or wxr.clean(item.excerpt))[:255]
                obj.save()
            self._remember("attachment", item.wp_id, obj, _fingerprint(item))
            self._count(kind, True)
        else:
            known.title = title[:255]
            known.save(update_fields=["title"])
            self._remember("attachment", item.wp_id, known, _fingerprint(item))
            self._count(kind, False)

    def _image_for(self, attachment_id, src):
        wp_id = attachment_id if attachment_id in self.attachments else None
        relative = _uploads_path(src) if wp_id is None and src else ""
        if relative:
            wp_id = self.attachment_by_file.get(relative)
            if wp_id is None:  # a resized copy: photo-300x200.jpg → photo.jpg
                original = re.sub(r"-\d+x\d+(\.\w+)$", r"\1", relative)
                wp_id = self.attachment_by_file.get(original)
        target = self._known("attachment", wp_id) if wp_id else None
        return target.pk if target is not None and isinstance(target, get_image_model()) else None

    def _attached_images(self, post_id):
        """WordPress IDs of the pictures attached to a post, in their menu order (what a
        `[gallery]` without ids shows; body.Links.attached_images)."""
        return [
            wp_id
            for _order, wp_id in self.attached.get(str(post_id), [])
            if wp_id in self.image_attachments
        ]

    # ------------------------------------------------------------------ stories and pages

    def _links(self, item):
        return Links(
            page_for_url=self._page_for_url,
            image_for=self._image_for,
            site_hosts=self.hosts,
            attached_images=self._attached_images,
            attachment_caption=lambda wp_id: self.captions.get(str(wp_id), ""),
        )

    def _page_for_url(self, url):
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        path = unquote(parts.path or "/").rstrip("/")
        if "p" in query or "page_id" in query:
            name = "p" if "p" in query else "page_id"
            key = f"{path}/?{name}={query[name][0]}"
        else:
            key = _path(url.split("#")[0])
        wp_id = self.urls.get(key) or self.urls.get(key.rstrip("/") + "/")
        target = self._known("post", wp_id) or self._known("page", wp_id) if wp_id else None
        return target.pk if target is not None else None

    def _post(self, item):
        if item.status == "trash":
            self.report.skipped[_("post in the trash")] += 1
            return
        extra = self.attachment_comments.get(item.wp_id, [])
        if self._unchanged("post", item, extra):
            self.report.skipped[_("unchanged since the last import")] += 1
            return
        links = self._links(item)
        blocks, first_text = BodyConverter(links).convert(item.content, item.wp_id)
        story = self._known("post", item.wp_id)
        created = story is None
        story = story.specific if story is not None else ArticlePage()
        self._fill_common(story, item)
        excerpt = wxr.clean(_strip_tags(item.excerpt))
        if not excerpt and blocks and blocks[0]["type"] == "paragraph" and first_text:
            blocks = blocks[1:]  # the first paragraph becomes the lead, shown once
        story.lead = excerpt or first_text or story.title
        story.body = blocks
        story.display_date = _gmt(item.fields.get("post_date_gmt")) or _local(
            item.fields.get("post_date")
        )
        complete = True
        thumbnail = item.meta.get("_thumbnail_id")
        if thumbnail:
            image = self._image_for(thumbnail, "")
            story.featured_image_id = image
            if image is None:
                complete = False
                self.report.note(
                    "post", item.wp_id, _("featured image %s not imported") % thumbnail
                )
        self._discussion(story, item, extra)
        reporter = self._reporter(item.creator)
        if created:
            story.live = False  # until its revision is published, if WordPress had it live
            story.slug = _free_slug(self.news_index, story.slug, item.wp_id)
            self.news_index.add_child(instance=story)
        if reporter is not None and not any(
            byline.reporter_id == reporter.pk for byline in story.bylines.all()
        ):
            story.bylines.add(ArticleByline(reporter=reporter))
        tags = []
        for domain, slug, name in item.categories:
            if domain in TAG_DOMAINS:
                tag = self._tag(name)
                taxonomy = "category" if domain == "category" else "post_tag"
                self._term_redirects(taxonomy, slug or slugify_vi(name), tag)
                if tag is not None:
                    tags.append(tag)
        story.tags.set(tags)
        self._save(story, item, created)
        complete = self._after_links(item, links) and complete
        self._remember("post", item.wp_id, story, _fingerprint(item, extra) if complete else "")
        self._comments(story, item, extra)
        self._old_links(story, item)
        self._author_archive(item.creator, reporter)
        self._count("story", created)

    def _page(self, item):
        if item.status == "trash":
            self.report.skipped[_("page in the trash")] += 1
            return
        extra = self.attachment_comments.get(item.wp_id, [])
        if self._unchanged("page", item, extra):
            self.report.skipped[_("unchanged since the last import")] += 1
            return
        links = self._links(item)
        blocks, first_text = BodyConverter(links).convert(item.content, item.wp_id)
        page = self._known("page", item.wp_id)
        created = page is None
        page = page.specific if page is not None else ContentPage()
        self._fill_common(page, item)
        page.intro = wxr.clean(_strip_tags(item.excerpt))
        # A content page keeps paragraphs, headings and images; the rest as rich text.
        page.body = [_content_block(block) for block in blocks if _content_block(block)]
        self._discussion(page, item, extra)
        if created:
            page.live = False
            parent = self._known("page", item.fields.get("post_parent", "0").strip())
            parent = parent.specific if parent is not None else self.home
            page.slug = _free_slug(parent, page.slug, item.wp_id)
            parent.add_child(instance=page)
        self._save(page, item, created)
        complete = self._after_links(item, links)
        self._remember("page", item.wp_id, page, _fingerprint(item, extra) if complete else "")
        self._comments(page, item, extra)
        self._old_links(page, item)
        self._count("page", created)

    @staticmethod
    def _discussion(page, item, extra):
        """Open as in WordPress; a closed discussion keeps its comments readable, closed."""
        is_open = item.fields.get("comment_status", "open").strip() == "open"
        has_comments = any(
            c.type not in ("pingback", "trackback") for c in [*item.comments, *extra]
        )
        page.comments_enabled = is_open or has_comments
        page.comments_closed = not is_open

    def _fill_common(self, page, item):
        page.title = (title_text(item.title) or _("(untitled)"))[:255]
        slug = slugify_vi(unquote(item.fields.get("post_name", "")).strip()) or slugify_vi(
            page.title
        )
        if not page.pk:
            page.slug = slug[:255] or "bai-viet"
        seo_title = next((item.meta[k] for k in TITLE_KEYS if item.meta.get(k)), "")
        description = next((item.meta[k] for k in DESCRIPTION_KEYS if item.meta.get(k)), "")
        page.seo_title = wxr.clean(seo_title)[:255] if "%%" not in seo_title else ""
        page.search_description = wxr.clean(description)
        if item.status == "future":  # scheduled: Wagtail publishes it then
            page.go_live_at = _gmt(item.fields.get("post_date_gmt")) or _local(
                item.fields.get("post_date")
            )

    def _save(self, page, item, created):
        """A revision through Wagtail; live, draft or scheduled as in WordPress; the dates
        WordPress had."""
        status = item.status
        password = item.fields.get("post_password", "")
        published = _gmt(item.fields.get("post_date_gmt")) or _local(item.fields.get("post_date"))
        modified = _gmt(item.fields.get("post_modified_gmt")) or published
        # No page.save() here: a new page was saved by add_child, and an existing one changes
        # through its revision (published or left as a draft), as an editor's edit would.
        if status == "publish":
            revision = page.save_revision(clean=False)
            revision.publish()
            type(page).objects.filter(pk=page.pk).update(
                first_published_at=published, last_published_at=modified
            )
        elif status == "future" and published:
            page.save_revision(clean=False, approved_go_live_at=published)
        else:
            if status == "private":
                self.report.note(
                    item.post_type, item.wp_id, _("private in WordPress: kept as a draft")
                )
            if page.live:
                page.unpublish()
            page.save_revision(clean=False)
        if password:
            self._password(page, item, password)

    def _password(self, page, item, password):
        """A password-protected post asks its readers for that password, as it did (a view
        restriction: the page cache never serves such a page, see caching/view_restrictions).
        """
        restriction = PageViewRestriction.objects.filter(
            page=page, restriction_type=PageViewRestriction.PASSWORD
        ).first()
        if restriction is None:
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
            )
        elif restriction.password != password:
            restriction.password = password
            restriction.save()
        self.report.note(
            item.post_type, item.wp_id, _("password-protected in WordPress: asks the same password")
        )

    def _old_links(self, page, item):
        """The post's old address and its ?p= link (under the subfolder WordPress was
        installed in) answer 301 to the new page. A draft or a private post had no public
        address: none is made, so its new one is not given away."""
        if item.status not in LIVE_STATUSES:
            return
        if item.link:
            self._redirect(_path(item.link), page=page)
        if not item.has_wp_id:
            return
        for prefix in {"", self.prefix}:
            self._redirect(f"{prefix}/?p={item.wp_id}", page=page)
            if item.post_type == "page":
                self._redirect(f"{prefix}/?page_id={item.wp_id}", page=page)

    def _author_archive(self, login, reporter):
        """/author/<login>/ answers 301 to the reporter's page."""
        login = (login or "").strip()
        if reporter is None or not login or not reporter.slug:
            return
        link = self.news_index.reporter_url(reporter)
        self._redirect(f"{self.prefix}/author/{slugify_vi(login) or login}/", link=link)

    def _attachment_pages(self):
        """An attachment's page answers 301 to the story it belongs to, or to the image."""
        for wp_id, link in self.attachment_link.items():
            parent = self.attachment_parent.get(wp_id)
            page = (self._known("post", parent) or self._known("page", parent)) if parent else None
            if page is not None and page.live:
                self._redirect(_path(link), page=page)
                continue
            target = self._known("attachment", wp_id)
            if target is not None:
                self._redirect(_path(link), link=target.file.url)

    def _redirect(self, old_path, page=None, link=None):
        old_path = Redirect.normalise_path(old_path)
        if not old_path or old_path == "/" or (page is not None and page.url == old_path):
            return
        Redirect.objects.update_or_create(
            old_path=old_path,
            site=None,
            defaults={
                "redirect_page": page,
                "redirect_link": "" if page is not None else link,
                "is_permanent": True,
            },
        )

    def _after_links(self, item, links):
        """Report what the body could not keep; False when a picture is missing."""
        if links.unresolved_pages:
            self.needs_links.add(item.wp_id)
        for src in links.missing_images:
            self.report.note(item.post_type, item.wp_id, _("image not imported: %s") % src)
        for what, detail in links.losses:
            self.report.note(item.post_type, item.wp_id, f"{what}: {detail}" if detail else what)
        for name in sorted(set(links.unknown_shortcodes)):
            why = _("unknown shortcode kept as text: [%s]") % name
            self.report.note(item.post_type, item.wp_id, why)
        return not links.missing_images

    @staticmethod
    def _page_depth(item, by_id):
        depth, seen = 0, set()
        parent = item.fields.get("post_parent", "0").strip()
        while parent in by_id and parent not in seen:
            seen.add(parent)
            depth += 1
            parent = by_id[parent].fields.get("post_parent", "0").strip()
        return depth

    # ------------------------------------------------------------------ comments

    def _comments(self, page, item, extra=()):
        """Threads as in WordPress, written in bulk one thread level at a time: no spam
        checks, no notifications, no purge per comment (the page's stamp is bumped once).
        The commenter's address is kept as ours are (/24, /48). `extra`: the comments of
        the item's attachments, shown on its page."""
        every = [*item.comments, *extra]
        by_id = {c.id: c for c in every}
        pings = [c for c in every if c.type in ("pingback", "trackback")]
        if pings:
            self.report.skipped[_("pingback or trackback")] += len(pings)
        wanted = [c for c in every if c.type not in ("pingback", "trackback")]
        if not wanted:
            return
        known = dict(
            ImportedObject.objects.filter(
                site=self.site_url, kind="comment", wp_id__in=[c.id for c in wanted]
            ).values_list("wp_id", "object_id")
        )
        existing = Comment.objects.in_bulk(list(known.values()))
        taken = set(
            Comment.objects.filter(page=page)
            .exclude(pk__in=list(known.values()))
            .values_list("author_email", "body_hash")
        )

        def depth_of(comment):
            depth, parent = 1, comment.parent
            while parent in by_id and depth < 50:
                depth, parent = depth + 1, by_id[parent].parent
            return depth

        levels = defaultdict(list)
        for comment in wanted:
            levels[depth_of(comment)].append(comment)
        made = {}  # WordPress comment ID → Comment
        content_type = ContentType.objects.get_for_model(Comment)
        for depth in sorted(levels):
            new, changed, new_ids = [], [], []
            for wp_comment in sorted(levels[depth], key=lambda c: int(c.id or 0)):
                status = COMMENT_STATUS.get(wp_comment.approved)
                if status is None:
                    self.report.skipped[_("comment with an unknown status")] += 1
                    continue
                parent = made.get(wp_comment.parent)
                if wp_comment.parent not in ("", "0") and parent is None:
                    self.report.note(
                        "comment",
                        wp_comment.id,
                        _("its parent was not imported: kept as a comment of its own"),
                    )
                body = nfc(_strip_tags(wp_comment.content)).strip() or "…"
                email = wp_comment.email[:254]
                comment = existing.get(known.get(wp_comment.id))
                before = None
                if comment is None:
                    if (email, body_fingerprint(body)) in taken:
                        self.report.skipped[_("duplicate comment")] += 1
                        continue
                    comment = Comment(page=page)
                    new.append(comment)
                    new_ids.append(wp_comment.id)
                else:
                    before = _comment_state(comment)
                comment.parent = parent
                comment.thread = (parent.thread or parent) if parent is not None else None
                comment.depth = depth if parent is not None else 1
                comment.author_name = (wp_comment.author or _("Reader"))[:100]
                comment.author_email = email
                comment.body = body
                comment.body_hash = body_fingerprint(body)
                taken.add((email, comment.body_hash))
                comment.status = status
                comment.visible = status == Status.APPROVED and (parent is None or parent.visible)
                comment.created_at = _gmt(wp_comment.date_gmt) or timezone.now()
                comment.ip_address = network(wp_comment.ip)
                comment.moderators_notified = comment.approval_notified = True
                made[wp_comment.id] = comment
                if before is not None:
                    if _comment_state(comment) != before:  # an unchanged comment stays as it is
                        changed.append(comment)
                    else:
                        self.report.skipped[_("comments unchanged")] += 1
            Comment.objects.bulk_create(new)
            if changed:
                Comment.objects.bulk_update(changed, COMMENT_FIELDS)
            ImportedObject.objects.bulk_create(
                [
                    ImportedObject(
                        site=self.site_url,
                        kind="comment",
                        wp_id=wp_id,
                        content_type=content_type,
                        object_id=comment.pk,
                    )
                    for wp_id, comment in zip(new_ids, new, strict=True)
                ]
            )
            if new:
                self.report.created["comment"] += len(new)
            if changed:
                self.report.updated["comment"] += len(changed)
        content_versions.bump(content_versions.page_scope(page.pk))

    # ------------------------------------------------------------------ pass 3

    def _relink(self):
        if not self.needs_links:
            return
        for kind, value in wxr.read(self.path):
            if kind != "item" or value.wp_id not in self.needs_links:
                continue
            target = self._known("post", value.wp_id) or self._known("page", value.wp_id)
            if target is None:
                continue
            page = target.specific
            blocks, _first = BodyConverter(self._links(value)).convert(value.content, value.wp_id)
            with transaction.atomic():
                if isinstance(page, ArticlePage):
                    page.body = blocks
                else:
                    page.body = [b for b in map(_content_block, blocks) if b]
                revision = page.save_revision(clean=False)
                if page.live:
                    revision.publish()


def _free_slug(parent, slug, wp_id):
    """The slug, or slug-<WordPress ID> when a sibling has it already."""
    if parent.get_children().filter(slug=slug).exists():
        return f"{slug}-{wp_id}"[:255]
    return slug


def _comment_state(comment):
    """What an import writes on a comment (parent and thread by id)."""
    return tuple(
        getattr(comment, f"{name}_id" if name in ("parent", "thread") else name)
        for name in COMMENT_FIELDS
    )


def _fingerprint(item, extra=()):
    text = repr(
        (
            item.title,
            item.link,
            item.creator,
            item.content,
            item.excerpt,
            sorted(item.fields.items()),
            item.categories,
            sorted(item.meta.items()),
            [tuple(vars(c).values()) for c in item.comments],
            [tuple(vars(c).values()) for c in extra],
        )
    )
    return hashlib.sha256(text.encode()).hexdigest()


def item_is(item, *types):
    return item.post_type in types


def _strip_tags(html):
    return BeautifulSoup(html or "", "html.parser").get_text("\n").strip()


COMMENT_FIELDS = [
    "parent",
    "thread",
    "depth",
    "author_name",
    "author_email",
    "body",
    "body_hash",
    "status",
    "visible",
    "created_at",
    "ip_address",
]
