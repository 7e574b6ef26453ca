"""Read a WordPress export (WXR 1.0–1.2) as a stream, in bounded memory.

`read(path)` yields ("site", dict), ("author", dict), ("term", dict) and ("item", dict)
events in file order; each item is cleared from the tree once read, so a 2 GB export needs
no more memory than its largest post. The `wp:` namespace differs by version and scheme
(http://wordpress.org/export/1.0/ … https://wordpress.org/export/1.2/): elements are
matched by their local name under any `wordpress.org/export/` namespace.
"""

import hashlib
import html
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


class WXRError(Exception):
    """The export cannot be read; the message says where."""


VERSIONS = ("1.0", "1.1", "1.2")  # what WordPress has written (its importer reads these)


def _local(tag):
    return tag.rsplit("}", 1)[-1] if "}" in tag else tag


def _namespace(tag):
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _is_wp(tag):
    return "wordpress.org/export/" in _namespace(tag)


def clean(text):
    """NFC text with HTML entities decoded (exports carry `&#8211;` and friends)."""
    return unicodedata.normalize("NFC", html.unescape(text or "")).strip()


def _wp_children(element):
    """{local name: text} of an element's wp: children (first of each)."""
    values = {}
    for child in element:
        if _is_wp(child.tag):
            values.setdefault(_local(child.tag), child.text or "")
    return values


@dataclass
class Comment:
    id: str
    author: str
    email: str
    url: str
    ip: str
    date_gmt: str
    content: str
    approved: str
    type: str
    parent: str


@dataclass
class Item:
    """One <item>: a post, a page, an attachment or anything else the export holds."""

    title: str
    link: str
    guid: str
    creator: str
    content: str
    excerpt: str
    fields: dict  # wp:post_id, wp:post_name, wp:status, wp:post_type, dates, parent…
    categories: list = field(default_factory=list)  # (domain, nicename, name)
    meta: dict = field(default_factory=dict)  # postmeta key → value
    comments: list = field(default_factory=list)

    @property
    def wp_id(self):
        """WordPress's ID; an item without one gets a stable key from its GUID or link."""
        wp_id = self.fields.get("post_id", "").strip()
        if wp_id:
            return wp_id
        source = self.guid or self.link or repr((self.title, self.fields.get("post_date")))
        return "guid-" + hashlib.sha256(source.encode()).hexdigest()[:32]

    @property
    def has_wp_id(self):
        return bool(self.fields.get("post_id", "").strip())

    @property
    def post_type(self):
        return self.fields.get("post_type", "").strip()

    @property
    def status(self):
        return self.fields.get("status", "").strip()


def _item(element):
    title = link = guid = creator = content = excerpt = ""
    categories, meta, comments = [], {}, []
    for child in element:
        name, namespace = _local(child.tag), _namespace(child.tag)
        if name == "title" and not namespace:
            title = child.text or ""
        elif name == "link" and not namespace:
            link = (child.text or "").strip()
        elif name == "guid" and not namespace:
            guid = (child.text or "").strip()
        elif name == "creator":
            creator = child.text or ""
        elif name == "encoded" and "content" in namespace:
            content = child.text or ""
        elif name == "encoded" and "excerpt" in namespace:
            excerpt = child.text or ""
        elif name == "category" and not namespace:
            categories.append(
                (child.get("domain", ""), child.get("nicename", ""), clean(child.text))
            )
        elif name == "postmeta" and _is_wp(child.tag):
            values = _wp_children(child)
            meta[values.get("meta_key", "")] = values.get("meta_value", "")
        elif name == "comment" and _is_wp(child.tag):
            values = _wp_children(child)
            comments.append(
                Comment(
                    id=values.get("comment_id", "").strip(),
                    author=clean(values.get("comment_author")),
                    email=(values.get("comment_author_email") or "").strip(),
                    url=(values.get("comment_author_url") or "").strip(),
                    ip=(values.get("comment_author_IP") or "").strip(),
                    date_gmt=(values.get("comment_date_gmt") or "").strip(),
                    content=values.get("comment_content") or "",
                    approved=(values.get("comment_approved") or "").strip(),
                    type=(values.get("comment_type") or "").strip(),
                    parent=(values.get("comment_parent") or "0").strip(),
                )
            )
    return Item(
        title=clean(title),
        link=link,
        guid=guid,
        creator=clean(creator),
        content=content,
        excerpt=excerpt,
        fields=_wp_children(element),
        categories=categories,
        meta=meta,
        comments=comments,
    )


def _NO_VERSION():  # noqa: N802 (a message, translated when raised)
    return _(
        "This is not a WordPress export: it has no version (wp:wxr_version) before its "
        "content. Export again from WordPress (Tools → Export)."
    )


def read(path):
    """Yield (kind, value) events: site, author, term and item. Raises WXRError."""
    try:
        events = ET.iterparse(path, events=("start", "end"))
        depth = 0
        seen_rss = False
        channel = None
        version = None
        for event, element in events:
            if event == "start":
                depth += 1
                if depth == 1:
                    if _local(element.tag) != "rss":
                        raise WXRError(_("This is not a WordPress export (no <rss> element)."))
                    seen_rss = True
                elif depth == 2 and _local(element.tag) == "channel":
                    channel = element
                continue
            depth -= 1
            name = _local(element.tag)
            if depth != 2 or channel is None:  # only direct children of <channel>
                continue
            if name == "wxr_version" and _is_wp(element.tag):
                version = (element.text or "").strip()
                if version not in VERSIONS:
                    raise WXRError(
                        _(
                            "This is not a WordPress export: its version (wp:wxr_version) "
                            "is “%(version)s”, not one WordPress writes (%(known)s)."
                        )
                        % {"version": version, "known": ", ".join(VERSIONS)}
                    )
            elif version is None and (
                name == "item"
                or (_is_wp(element.tag) and name in ("author", "category", "tag", "term"))
            ):
                raise WXRError(_NO_VERSION())
            if name == "item":
                yield "item", _item(element)
            elif name == "author" and _is_wp(element.tag):
                values = _wp_children(element)
                yield "author", {key: clean(value) for key, value in values.items()}
            elif name in ("category", "tag", "term") and _is_wp(element.tag):
                values = _wp_children(element)
                yield "term", {"element": name, **{k: clean(v) for k, v in values.items()}}
            elif name in ("base_site_url", "base_blog_url", "wxr_version") and _is_wp(element.tag):
                yield "site", {name: (element.text or "").strip()}
            elif name in ("title", "link") and not _namespace(element.tag):
                yield "site", {name: clean(element.text)}
            channel.remove(element)  # bounded memory: nothing read stays in the tree
        if not seen_rss:
            raise WXRError(_("The file is empty."))
        if version is None:
            raise WXRError(_NO_VERSION())
    except ET.ParseError as error:
        line, column = error.position
        raise WXRError(
            _("The export is not well-formed XML (line %(line)s, column %(column)s): %(error)s")
            % {
                "line": line,
                "column": column,
                "error": error.msg if hasattr(error, "msg") else error,
            }
        ) from error
