"""Bring a WordPress export into the site: posts, pages, media, people, tags, comments, links.

Three streaming passes over the export (memory stays bounded whatever its size):
1. index: every post's and page's old URL and ID, and every attachment (id → file path);
2. import, in file order, each item in its own transaction with what it owns (its comments,
   its redirects): authors → reporters, terms → tags, attachments → images/documents,
   posts → stories, pages → content pages (parents first), comments with their threads;
3. links: bodies that pointed at posts imported later are converted again.

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
from wagtail.models import Site

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
DESCRIPTION_KEYS = ("_yoast_wpseo_metadesc",)


class DryRun(Exception):
    """Raised inside an item's transaction to undo it in a dry run."""


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


class WordPressImporter:
    def __init__(self, path, uploads=None, dry_run=False, progress=None):
        self.path = path
        self.uploads = Path(uploads) if uploads else None
        self.dry_run = dry_run
        self.progress = progress or (lambda done, total: None)
        self.report = Report()
        self.site_url = ""
        self.hosts = ()
        self.urls = {}  # old URL path (and "/?p=ID") → WordPress post/page ID
        self.attachments = {}  # attachment ID → (path after /uploads/, title, item)
        self.attachment_by_file = {}  # path after /uploads/ → attachment ID
        self.attached = {}  # post ID → [(menu order, attachment ID)]
        self.captions = {}  # attachment ID → its caption
        self.authors = {}  # login → display name
        self.needs_links = set()
        self.counted_authors = set()  # WordPress IDs of items whose links point at later items
        self.total = 0

    # ------------------------------------------------------------------ entry point

    def run(self):
        self._index()
        self.home = HomePage.objects.first() or Site.objects.get(is_default_site=True).root_page
        self.news_index = NewsIndexPage.objects.first()
        if self.news_index is None:
            raise wxr.WXRError(_("The site has no news section to import stories into."))
        self._import()
        self._relink()
        return self.report

    # ------------------------------------------------------------------ pass 1

    def _index(self):
        for kind, value in wxr.read(self.path):
            if kind == "site":
                if value.get("base_site_url"):
                    self.site_url = value["base_site_url"].rstrip("/")
                elif value.get("link") and not self.site_url:
                    self.site_url = value["link"].rstrip("/")
            elif kind == "author":
                self.authors[value.get("author_login", "")] = value.get(
                    "author_display_name"
                ) or value.get("author_login", "")
            elif kind == "item":
                self.total += 1
                if item_is(value, "attachment"):
                    url = value.fields.get("attachment_url", "") or value.link
                    relative = url.split("/uploads/", 1)[1] if "/uploads/" in url else ""
                    self.attachments[value.wp_id] = relative
                    if relative:
                        self.attachment_by_file[unquote(relative)] = value.wp_id
                    # What a [gallery] without ids shows, and its captions (body.Links).
                    parent = value.fields.get("post_parent", "0").strip()
                    order = value.fields.get("menu_order", "0").strip()
                    order = int(order) if order.isdigit() else 0
                    suffix = Path(urlsplit(url.strip()).path).suffix.lower()
                    if suffix in IMAGE_TYPES and value.wp_id.isdigit():
                        self.attached.setdefault(parent, []).append((order, int(value.wp_id)))
                    self.captions[value.wp_id] = wxr.clean(_strip_tags(value.excerpt))
                elif item_is(value, "post", "page"):
                    if value.link:
                        self.urls[_path(value.link)] = value.wp_id
                    self.urls[f"/?p={value.wp_id}"] = value.wp_id
                    self.urls[f"/?page_id={value.wp_id}"] = value.wp_id
        self.site_url = self.site_url or "wordpress"
        self.hosts = tuple({urlsplit(self.site_url).netloc} - {""})

    # ------------------------------------------------------------------ pass 2

    def _import(self):
        pages = []  # pages wait until their parents exist (they are few)
        done = 0
        for kind, value in wxr.read(self.path):
            if kind == "term":
                self._atomic(self._term, value)
            elif kind == "item":
                done += 1
                self.progress(done, self.total)
                if item_is(value, "attachment"):
                    self._atomic(self._attachment, value)
                elif item_is(value, "post"):
                    self._atomic(self._post, value)
                elif item_is(value, "page"):
                    pages.append(value)
                else:
                    label = _("items of another type (%(type)s)") % {"type": value.post_type or "?"}
                    self.report.skipped[label] += 1
        by_id = {page.wp_id: page for page in pages}

        def order(page):  # parents first; siblings in WordPress's menu order
            menu_order = page.fields.get("menu_order", "0").strip()
            return (
                self._page_depth(page, by_id),
                int(menu_order or 0) if menu_order.lstrip("-").isdigit() else 0,
                int(page.wp_id or 0),
            )

        for page in sorted(pages, key=order):
            self._atomic(self._page, page)

    def _atomic(self, handler, value):
        try:
            with transaction.atomic():
                handler(value)
                if self.dry_run:
                    raise DryRun
        except DryRun:
            pass

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

    def _unchanged(self, kind, item):
        """True when this item was imported before exactly as it reads now."""
        return ImportedObject.objects.filter(
            site=self.site_url, kind=kind, wp_id=item.wp_id, fingerprint=_fingerprint(item)
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
        if not name or value.get("term_taxonomy", "post_tag") not in ("post_tag", "category"):
            return
        tag = self._tag(name)
        if tag is not None:
            slug = value.get("tag_slug") or value.get("category_nicename") or value.get("slug")
            prefix = "tag" if value["element"] == "tag" else "category"
            if slug:
                self._redirect(f"/{prefix}/{slug}/", link=self.news_index.tag_url(tag))

    def _tag(self, name):
        name = nfc(name).strip()[:100]
        if not name or name.lower() in ("uncategorized", "chưa được phân loại"):
            return None
        spelling = existing_spellings(NewsTag, [name]).get(name, name)
        tag = NewsTag.objects.filter(name=spelling).first()
        if tag is None:
            tag = NewsTag.objects.create(name=spelling)
            self.report.created["tag"] += 1
        return tag

    # ------------------------------------------------------------------ media

    def _attachment(self, item):
        relative = self.attachments.get(item.wp_id, "")
        source = self.uploads / unquote(relative) if self.uploads and relative else None
        if source is None or not source.is_file():
            self.report.skipped["attachment (file missing)"] += 1
            self.report.note("attachment", item.wp_id, _("file not found: %s") % (relative or "?"))
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
            self._remember("attachment", item.wp_id, obj)
            self._count(kind, True)
        else:
            known.title = title[:255]
            known.save(update_fields=["title"])
            self._count(kind, False)

    def _image_for(self, attachment_id, src):
        wp_id = attachment_id if attachment_id in self.attachments else None
        if wp_id is None and src and "/uploads/" in src:
            relative = unquote(src.split("/uploads/", 1)[1].split("?")[0])
            wp_id = self.attachment_by_file.get(relative)
            if wp_id is None:  # a resized copy: photo-300x200.jpg → photo.jpg
                original = re.sub(r"-\d+x\d+(\.\w+)$", r"\1", relative)
                wp_id = self.attachment_by_file.get(original)
        target = self._known("attachment", wp_id) if wp_id else None
        return target.pk if target is not None and isinstance(target, get_image_model()) else None

    # ------------------------------------------------------------------ stories and pages

    def _links(self):
        return Links(
            page_for_url=self._page_for_url,
            image_for=self._image_for,
            site_hosts=self.hosts,
            attached_images=lambda post: [pk for _o, pk in sorted(self.attached.get(post, []))],
            attachment_caption=lambda pk: self.captions.get(str(pk), ""),
        )

    def _page_for_url(self, url):
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        key = f"/?p={query['p'][0]}" if "p" in query else _path(url.split("#")[0])
        wp_id = self.urls.get(key) or self.urls.get(key.rstrip("/") + "/")
        target = self._known("post", wp_id) or self._known("page", wp_id) if wp_id else None
        return target.pk if target is not None else None

    def _post(self, item):
        if item.status == "trash":
            self.report.skipped[_("post in the trash")] += 1
            return
        if self._unchanged("post", item):
            self.report.skipped[_("unchanged since the last import")] += 1
            return
        links = self._links()
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
        thumbnail = item.meta.get("_thumbnail_id")
        if thumbnail:
            image = self._image_for(thumbnail, "")
            story.featured_image_id = image
            if image is None:
                self.report.note(
                    "post", item.wp_id, _("featured image %s not imported") % thumbnail
                )
        story.comments_enabled = item.fields.get("comment_status", "open") == "open"
        reporter = self._reporter(item.creator)
        if created:
            story.live = False  # until its revision is published, if WordPress had it live
            story.slug = _free_slug(self.news_index, story.slug, item.wp_id)
            self.news_index.add_child(instance=story)
        if reporter is not None and not any(
            byline.reporter_id == reporter.pk for byline in story.bylines.all()
        ):
            story.bylines.add(ArticleByline(reporter=reporter))
        tags = [
            self._tag(name)
            for domain, _slug, name in item.categories
            if domain in ("post_tag", "category")
        ]
        story.tags.set([tag for tag in tags if tag is not None])
        self._save(story, item, created)
        self._remember("post", item.wp_id, story, _fingerprint(item))
        self._comments(story, item)
        self._old_links(story, item)
        self._after_links(item, links)
        self._count("story", created)

    def _page(self, item):
        if item.status == "trash":
            self.report.skipped[_("page in the trash")] += 1
            return
        if self._unchanged("page", item):
            self.report.skipped[_("unchanged since the last import")] += 1
            return
        links = self._links()
        blocks, first_text = BodyConverter(links).convert(item.content, item.wp_id)
        page = self._known("page", item.wp_id)
        created = page is None
        page = page.specific if page is not None else ContentPage()
        self._fill_common(page, item)
        page.intro = wxr.clean(_strip_tags(item.excerpt))
        # A content page keeps paragraphs, headings and images; the rest as rich text.
        page.body = [_content_block(block) for block in blocks if _content_block(block)]
        if created:
            page.live = False
            parent = self._known("page", item.fields.get("post_parent", "0").strip())
            parent = parent.specific if parent is not None else self.home
            page.slug = _free_slug(parent, page.slug, item.wp_id)
            parent.add_child(instance=page)
        self._save(page, item, created)
        self._remember("page", item.wp_id, page, _fingerprint(item))
        self._old_links(page, item)
        self._after_links(item, links)
        self._count("page", created)

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

    def _old_links(self, page, item):
        """The post's old address and its ?p= link answer 301 to the new page."""
        if item.link:
            self._redirect(_path(item.link), page=page)
        self._redirect(f"/?p={item.wp_id}", page=page)
        if item.post_type == "page":
            self._redirect(f"/?page_id={item.wp_id}", page=page)

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
        if links.unresolved_pages:
            self.needs_links.add(item.wp_id)
        for src in links.missing_images:
            self.report.note(item.post_type, item.wp_id, _("image not imported: %s") % src)
        for what, detail in links.losses:
            self.report.note(item.post_type, item.wp_id, f"{what}: {detail}" if detail else what)
        for name in links.unknown_shortcodes:
            why = _("unknown shortcode kept as text: [%s]") % name
            self.report.note(item.post_type, item.wp_id, why)

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

    def _comments(self, page, item):
        """Threads as in WordPress, written in bulk one thread level at a time: no spam
        checks, no notifications, no purge per comment (the page's stamp is bumped once).
        The commenter's address is kept as ours are (/24, /48)."""
        by_id = {c.id: c for c in item.comments}
        pings = [c for c in item.comments if c.type in ("pingback", "trackback")]
        if pings:
            self.report.skipped[_("pingback or trackback")] += len(pings)
        wanted = [c for c in item.comments if c.type not in ("pingback", "trackback")]
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
                    self.report.note("comment", wp_comment.id, _("its parent was not imported"))
                    continue
                body = nfc(_strip_tags(wp_comment.content)).strip() or "…"
                email = wp_comment.email[:254]
                comment = existing.get(known.get(wp_comment.id))
                if comment is None:
                    if (email, body_fingerprint(body)) in taken:
                        self.report.skipped[_("duplicate comment")] += 1
                        continue
                    comment = Comment(page=page)
                    new.append(comment)
                    new_ids.append(wp_comment.id)
                else:
                    changed.append(comment)
                comment.parent = parent
                comment.thread = (parent.thread or parent) if parent is not None else None
                comment.depth = depth
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
            Comment.objects.bulk_create(new)
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
            self.report.created["comment"] += len(new)
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
            blocks, _first = BodyConverter(self._links()).convert(value.content, value.wp_id)
            with transaction.atomic():
                if isinstance(page, ArticlePage):
                    page.body = blocks
                else:
                    page.body = [b for b in map(_content_block, blocks) if b]
                if self.dry_run:
                    transaction.set_rollback(True)
                    continue
                revision = page.save_revision(clean=False)
                if page.live:
                    revision.publish()


def _free_slug(parent, slug, wp_id):
    """The slug, or slug-<WordPress ID> when a sibling has it already."""
    if parent.get_children().filter(slug=slug).exists():
        return f"{slug}-{wp_id}"[:255]
    return slug


def _fingerprint(item):
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
