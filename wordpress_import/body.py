"""WordPress post HTML (classic or block editor) → the story body's StreamField blocks.

Nothing a reader saw is dropped without a word: pictures wherever they stand (inside a
paragraph with text, inside links and `<div>`s, aligned, with a caption line), captions of
every kind (`[caption]` old and new, figcaptions, table captions, gallery and embed captions),
quotes and pullquotes with their citation, tables, galleries (`[gallery ids]`, `[gallery]` of
the post's attached images, block galleries), cover images, verse and preformatted text with
their line breaks, sub/sup, definition lists. Square brackets are text unless a shortcode
WordPress or a known plugin registers (`shortcodes.py`); embeds are decided by Wagtail's oEmbed
provider list (`embeds.py`). What cannot be kept is listed in `Links.losses` as
(what, detail) for the import's report. Links to other imported posts become Wagtail page
links (`<a linktype="page">`), which the reference index sees.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from html import escape
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString
from django.utils.translation import gettext as _

from . import embeds, shortcodes
from .wxr import clean

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
DYNAMIC_BLOCK = re.compile(r"<!--\s*wp:([a-z][\w/-]*)(?:\s+\{(?:(?!-->).)*\})?\s*/-->", re.S)
URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.M)
BACKGROUND = re.compile(r"background-image\s*:\s*url\(\s*['\"]?([^'\")]+)", re.I)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCK_TAGS = {
    *HEADINGS,
    "p",
    "ul",
    "ol",
    "blockquote",
    "figure",
    "table",
    "div",
    "pre",
    "hr",
    "iframe",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "main",
    "nav",
    "dl",
    "address",
    "audio",
    "video",
    "object",
    "embed",
    "form",
    "details",
    "center",
}
# Tags the paragraph keeps (the story's rich-text features); the rest are unwrapped, text kept.
INLINE_KEEP = {"a", "b", "i", "br", "ul", "ol", "li", "h3", "h4", "p", "sub", "sup", "code", "s"}
RENAME = {"strong": "b", "em": "i", "del": "s", "strike": "s", "tt": "code", "kbd": "code"}


@dataclass
class Links:
    """How to resolve what a body points at, and what could not be resolved or kept.

    - page_for_url(url) → page id or None
    - image_for(attachment id or None, src URL) → image id or None
    - attached_images(post WordPress ID) → WordPress IDs of the attachments whose parent is
      that post, in menu order (what `[gallery]` without ids shows)
    - attachment_caption(attachment WordPress ID) → its caption (the attachment's excerpt),
      shown under each picture of a `[gallery]`
    Filled while converting: unresolved_pages, missing_images, losses (what, detail) and
    unknown_shortcodes (names kept as text) for the import's report.
    """

    page_for_url: callable
    image_for: callable
    unresolved_pages: set = field(default_factory=set)
    missing_images: list = field(default_factory=list)
    site_hosts: tuple = ()
    attached_images: callable = lambda post_id: []
    attachment_caption: callable = lambda attachment_id: ""
    losses: list = field(default_factory=list)
    unknown_shortcodes: list = field(default_factory=list)

    def lost(self, what, detail=""):
        self.losses.append((what, detail))


STARTS_A_BLOCK = re.compile(
    r"^<(p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr|section|iframe|dl|address|"
    r"audio|video|object|form|details)\b",
    re.I,
)
PRE = re.compile(r"<pre\b.*?</pre>", re.S | re.I)


BLOCK_EDGE = re.compile(
    r"</?(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody|tfoot|tr|td|"
    r"th|caption|pre|hr|section|dl|dt|dd|address|form|details|summary)\b[^>]*>",
    re.I,
)


def _line_breaks(chunk):
    """Single line breaks are <br>, except next to a block tag (as wpautop does)."""
    lines = chunk.split("\n")
    out = lines[0]
    for line in lines[1:]:
        before, after = out.rstrip(), line.lstrip()
        block_before = before.endswith(">") and BLOCK_EDGE.search(before[before.rfind("<") :])
        block_after = after.startswith("<") and BLOCK_EDGE.match(after)
        out += ("\n" if block_before or block_after or not before else "<br>\n") + line
    return out


def wpautop(text):
    """Classic-editor content has no <p>: blank lines separate paragraphs and single line
    breaks are <br> (WordPress's wpautop, as much as an import needs). A chunk that already
    starts with a block element is not wrapped again; `<pre>` keeps its own line breaks.
    Block-editor content is stored as shown, and left alone (WordPress does the same)."""
    kept = []

    def hide(match):
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = PRE.sub(hide, text)
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    out = []
    for chunk in chunks:
        if STARTS_A_BLOCK.match(chunk) or re.fullmatch(r"\x00\d+\x00", chunk):
            out.append(_line_breaks(chunk))
        else:
            out.append(f"<p>{_line_breaks(chunk)}</p>")
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], "\n".join(out))


def title_text(title):
    """A title as its words: `Title <em>With</em> <b>Mark<sup>up</sup></b>` → the text a
    reader saw, never the tags."""
    if "<" not in (title or ""):
        return clean(title)
    return clean(re.sub(r"\s+", " ", BeautifulSoup(title, "html.parser").get_text()))


def _attachment_id(img):
    for css in img.get("class") or []:
        if css.startswith("wp-image-") and css.removeprefix("wp-image-").isdigit():
            return css.removeprefix("wp-image-")
    return img.get("data-id") or None


def _text(node):
    return clean(re.sub(r"\s+", " ", node.get_text(" ", strip=True))) if node else ""


def _picture_stem(url):
    """photo-300x200.jpg → photo: the name WordPress gives every size of one upload."""
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    return re.sub(r"(-\d+x\d+|-scaled)?\.\w+$", "", name).lower()


def _links_to_the_picture(href, src):
    """A link to the picture's own file (any size) or its attachment page: the reader loses
    nothing when the story shows the picture without it."""
    if "attachment_id=" in href or "/attachment/" in href:
        return True
    stem = _picture_stem(src)
    return bool(stem) and (
        _picture_stem(href) == stem or urlsplit(href).path.rstrip("/").endswith("/" + stem)
    )


def _ids(value):
    return [pk for pk in re.split(r"[,\s]+", value or "") if pk.isdigit()]


class BodyConverter:
    def __init__(self, links):
        self.links = links
        self.post_id = None

    def convert(self, html, post_id=None):
        """(blocks for StreamField, the first paragraph's text)."""
        self.post_id = post_id
        html = html or ""
        for name in dict.fromkeys(DYNAMIC_BLOCK.findall(html)):  # once per kind
            self.links.lost(_("a block WordPress drew when the page was shown"), f"wp:{name}")
        blocks_editor = BLOCK_COMMENT.search(html) is not None
        html = self._expand_shortcodes(BLOCK_COMMENT.sub("", html))
        if not blocks_editor:
            html = wpautop(html)
        soup = BeautifulSoup(html, "html.parser")
        for hidden in soup.find_all(["script", "style", "noscript", "template"]):
            hidden.decompose()  # never shown to a reader, never kept
        self._report_unknown_shortcodes(soup)
        blocks = self._flow(soup)
        first_text = next(
            (
                BeautifulSoup(b["value"], "html.parser").get_text(" ", strip=True)
                for b in blocks
                if b["type"] == "paragraph"
            ),
            "",
        )
        return blocks, clean(first_text)

    # -------------------------------------------------------------- shortcodes

    def _expand_shortcodes(self, text):
        text = shortcodes.expand(text, self._shortcode)
        # A URL alone on its line is an embed in WordPress when a provider knows it.
        return URL_LINE.sub(
            lambda m: (
                f'<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">'
                f"{m.group(1)}</div></figure>"
                if embeds.kind(m.group(1))
                else m.group(0)
            ),
            text,
        )

    def _shortcode(self, name, attrs, content):
        if name in ("caption", "wp_caption"):
            return self._caption(attrs, content)
        if name == "gallery":
            return self._gallery(attrs)
        if name == "embed":
            url = content.strip() or attrs.get("src", "")
            return f'<figure class="wp-block-embed"><div>{escape(url)}</div></figure>'
        if name in ("youtube", "vimeo", "dailymotion", "tweet", "spotify", "soundcloud"):
            url = attrs.get("0") or attrs.get("url") or attrs.get("id") or content.strip()
            if name == "vimeo" and url.isdigit():
                url = f"https://vimeo.com/{url}"
            return f'<figure class="wp-block-embed"><div>{escape(url)}</div></figure>'
        if name in ("audio", "video"):
            src = next(
                (
                    attrs[key]
                    for key in ("src", "mp3", "m4a", "ogg", "wav", "mp4", "webm", "m4v", "ogv")
                    if attrs.get(key)
                ),
                "",
            )
            if embeds.kind(src):  # [video src="https://www.youtube.com/…"]
                return f'<figure class="wp-block-embed"><div>{escape(src)}</div></figure>'
            return f'<{name} src="{escape(src)}"></{name}>'
        if name in shortcodes.NEXTGEN:
            detail = " ".join(f"{k}={v}" for k, v in attrs.items())
            self.links.lost(_("NextGEN gallery (its pictures are not in the export)"), detail)
            return ""
        if name == "playlist":
            ids = _ids(attrs.get("ids"))
            self.links.lost(_("media playlist"), ",".join(ids))
            return ""
        self.links.lost(_("shortcode"), name)  # googlemaps and other plugin widgets
        return ""

    def _caption(self, attrs, content):
        soup = BeautifulSoup(content, "html.parser")
        image = soup.find("img")
        if image is not None:
            (image.parent if image.parent.name == "a" else image).extract()
        words = attrs.get("caption") or soup.decode_contents()
        caption = _text(BeautifulSoup(words, "html.parser"))
        if image is None:
            return f"<p>{content}</p>"
        return f"<figure>{image}<figcaption>{escape(caption)}</figcaption></figure>"

    def _gallery(self, attrs):
        ids = _ids(attrs.get("ids") or attrs.get("include"))
        if not ids:
            parent = attrs.get("id") or self.post_id
            ids = [str(pk) for pk in self.links.attached_images(parent)] if parent else []
            excluded = set(_ids(attrs.get("exclude")))
            ids = [pk for pk in ids if pk not in excluded]
        if not ids:
            self.links.lost(_("gallery without pictures found"), "")
            return ""
        items = "".join(
            f'<figure><img class="wp-image-{pk}" src="">'
            f"<figcaption>{escape(self.links.attachment_caption(pk) or '')}</figcaption></figure>"
            for pk in ids
        )
        return f'<figure class="wp-block-gallery">{items}</figure>'

    def _report_unknown_shortcodes(self, soup):
        for text in soup.find_all(string=True):
            if text.find_parent(["pre", "code"]) is not None:
                continue  # code keeps its brackets and says nothing
            for name in shortcodes.unknown(str(text)):
                if name not in self.links.unknown_shortcodes:
                    self.links.unknown_shortcodes.append(name)

    # -------------------------------------------------------------- blocks

    def _flow(self, container):
        """A container's children in order: runs of inline content become one paragraph;
        block elements and pictures become their blocks between them."""
        blocks, run = [], []

        def flush():
            if run:
                html = "".join(str(part) for part in run)
                run.clear()
                html = re.sub(r"^(\s|<br\s*/?>)+|(\s|<br\s*/?>)+$", "", html)
                if BeautifulSoup(html, "html.parser").get_text(strip=True):
                    blocks.append(self._paragraph(f"<p>{html}</p>"))

        for child in list(container.children):
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                run.append(child)
                continue
            if child.name in BLOCK_TAGS or child.name == "img":
                flush()
                blocks.extend(self._node(child))
            elif child.find("img") or child.find(BLOCK_TAGS):
                if _text(child) or child.find(BLOCK_TAGS):
                    flush()
                    blocks.extend(self._flow(child))  # a link or span around text and a picture
                else:
                    flush()
                    blocks.extend(b for img in child.find_all("img") if (b := self._image(img)))
            else:
                run.append(child)
        flush()
        return blocks

    def _node(self, node):
        name = node.name
        classes = node.get("class") or []
        if name == "img":
            block = self._image(node)
            return [block] if block else []
        if name in HEADINGS:
            images = [b for img in node.find_all("img") if (b := self._image(img))]
            self._report_links_in_plain_text(node, _("link in a heading (kept as text)"))
            text = _text(node)
            return images + ([{"type": "heading", "value": text}] if text else [])
        if name == "p":
            if node.find("img") or node.find(BLOCK_TAGS):
                return self._flow(node)
            return [self._paragraph(str(node))] if node.get_text(strip=True) else []
        if name in ("ul", "ol"):
            images = [img.extract() for img in node.find_all("img")]
            return ([self._paragraph(str(node))] if _text(node) else []) + [
                b for img in images if (b := self._image(img))
            ]
        if name == "dl":
            return self._definitions(node)
        if name == "blockquote":
            return self._quote(node)
        if name == "figure":
            return self._figure(node)
        if name == "table":
            return self._table(node)
        if name == "pre":
            return self._pre(node)
        if name == "iframe":
            return self._iframe(node)
        if name in ("audio", "video"):
            return self._media(node)
        if name in ("object", "embed"):
            self.links.lost(_("plugin content (Flash)"), node.get("data") or node.get("src", ""))
            return []
        if name == "form":
            self.links.lost(_("form"), _text(node)[:80])
            return []
        if name == "hr":
            return []
        if name == "div" and "wp-block-cover" in classes:
            return self._cover(node)
        if name == "div" and node.get("style") and BACKGROUND.search(node["style"]):
            return self._cover(node)
        return self._flow(node)  # div, section and the like: their content, in order

    def _definitions(self, node):
        groups, current = [], None
        for child in node.find_all(["dt", "dd"]):
            if child.name == "dt" or current is None:
                current = []
                groups.append(current)
            current.append(child)
        paragraphs = []
        for group in groups:
            lines = [
                f"<b>{c.decode_contents()}</b>" if c.name == "dt" else c.decode_contents()
                for c in group
            ]
            paragraphs.append(f"<p>{'<br/>'.join(lines)}</p>")
        return [self._paragraph("".join(paragraphs))] if paragraphs else []

    def _quote(self, node):
        if node.find("img"):
            return self._flow(node)
        cite = node.find(["cite", "footer"])
        attribution = _text(cite)
        if cite:
            cite.extract()
        self._report_links_in_plain_text(node, _("link in a quote (kept as text)"))
        paragraphs = node.find_all("p")
        text = "\n\n".join(t for p in paragraphs if (t := _text(p))) or _text(node)
        if not text and not attribution:
            return []
        return [{"type": "quote", "value": {"text": text, "attribution": attribution[:255]}}]

    def _figure(self, node):
        classes = node.get("class") or []
        caption_tag = node.find("figcaption", recursive=False)
        caption = _text(caption_tag)
        if caption_tag is not None:
            caption_tag.extract()
        if "wp-block-pullquote" in classes or node.find("blockquote"):
            blocks = [b for quote in node.find_all("blockquote") for b in self._quote(quote)]
            return blocks + self._caption_paragraph(caption)
        if "wp-block-embed" in classes or (node.find("iframe") and not node.find("img")):
            return self._embed_figure(node, caption)
        if node.find("table"):
            return self._table(node.find("table"), caption)
        if node.find(["audio", "video"]):
            return self._media(node.find(["audio", "video"])) + self._caption_paragraph(caption)
        inner = node.find_all(["figure", "li"])
        if "wp-block-gallery" in classes or len(node.find_all("img")) > 1:
            pictures = []
            items = [i for i in inner if i.find("img") and not i.find(["figure", "li"])]
            for part in items or [node]:
                part_caption = part.find("figcaption")
                for img in part.find_all("img"):
                    text = _text(part_caption) if part_caption and len(items) else ""
                    if block := self._image(img, text):
                        pictures.append(block["value"])
            if not pictures:
                return self._caption_paragraph(caption)
            # One gallery block: its pictures with their captions, and the gallery's caption.
            return [{"type": "gallery", "value": {"images": pictures, "caption": caption[:255]}}]
        img = node.find("img")
        if img is None:
            rest = self._flow(node)
            return rest + self._caption_paragraph(caption)
        block = self._image(img, caption)
        return [block] if block else self._caption_paragraph(caption)

    def _caption_paragraph(self, caption):
        return [self._paragraph(f"<p><i>{escape(caption)}</i></p>")] if caption else []

    def _cover(self, node):
        img = node.find("img")
        blocks = []
        if img is not None:
            img.extract()
            if block := self._image(img):
                blocks.append(block)
        else:
            holder = node if BACKGROUND.search(node.get("style") or "") else None
            holder = holder or node.find(style=BACKGROUND)
            if holder is not None:
                src = BACKGROUND.search(holder["style"]).group(1)
                classes = " ".join(
                    c for c in holder.get("class") or [] if c.startswith("wp-image-")
                )
                fake = BeautifulSoup(
                    f'<img class="{classes}" src="{escape(src)}">', "html.parser"
                ).img
                if holder is not node:
                    holder.extract()
                if block := self._image(fake):
                    blocks.append(block)
        for video in node.find_all("video"):
            self.links.lost(_("cover video"), video.get("src", ""))
            video.decompose()
        return blocks + self._flow(node)

    def _pre(self, node):
        classes = node.get("class") or []
        for br in node.find_all("br"):
            br.replace_with("\n")
        text = node.get_text().strip("\n")
        if not text.strip():
            return []
        if "wp-block-verse" in classes:
            lines = []
            for line in node.decode_contents().strip("\n").split("\n"):
                stripped = line.lstrip(" ")
                lines.append("\u00a0" * (len(line) - len(stripped)) + stripped)
            return [self._paragraph(f"<p>{'<br/>'.join(lines)}</p>")]
        return [{"type": "preformatted", "value": clean_pre(text)}]

    def _iframe(self, node):
        src = node.get("src") or node.get("data-src") or ""
        url = embeds.player_url(src)
        kind = embeds.kind(url)
        if kind:
            return [{"type": kind, "value": url}]
        if not src:
            return []
        self.links.lost(_("embedded frame from an unknown site (kept as a link)"), src)
        host = urlsplit(src if "//" in src else "//" + src).netloc or src
        return [self._paragraph(f'<p><a href="{escape(src)}">{escape(host)}</a></p>')]

    def _embed_figure(self, node, caption):
        link = node.find("a") or node.find("iframe")
        url = ""
        if node.find("iframe") is not None:
            url = embeds.player_url(node.find("iframe").get("src", ""))
        if not embeds.kind(url):
            text_url = re.search(r"https?://\S+", node.get_text(" ", strip=True))
            url = text_url.group(0) if text_url else (link.get("href", "") if link else url)
        kind = embeds.kind(url)
        if kind:
            return [{"type": kind, "value": url}] + self._caption_paragraph(caption)
        if not url:
            return self._caption_paragraph(caption)
        self.links.lost(_("embed from a site not known to the embed finder (kept as a link)"), url)
        words = caption or url
        return [self._paragraph(f'<p><a href="{escape(url)}">{escape(words)}</a></p>')]

    def _media(self, node):
        src = node.get("src") or ""
        source = node.find("source")
        if not src and source is not None:
            src = source.get("src", "")
        if not src:
            return []
        what = _("audio player (kept as a link)") if node.name == "audio" else None
        what = what or _("video player (kept as a link)")
        self.links.lost(what, src)
        name = src.rstrip("/").rsplit("/", 1)[-1] or src
        return [self._paragraph(f'<p><a href="{escape(src)}">{escape(name)}</a></p>')]

    def _image(self, img, caption=""):
        src = img.get("src", "")
        image_id = self.links.image_for(_attachment_id(img), src)
        if image_id is None:
            self.links.missing_images.append(src or f"wp-image-{_attachment_id(img)}")
            return None
        link = img.parent if img.parent is not None and img.parent.name == "a" else None
        href = (link.get("href") or "").strip() if link is not None else ""
        if href and not _links_to_the_picture(href, src):
            self.links.lost(_("link around a picture (the picture is kept, not its link)"), href)
        return {
            "type": "image",
            "value": {"image": image_id, "caption": caption[:255], "credit": ""},
        }

    def _report_links_in_plain_text(self, node, what):
        """Headings, quotes and table cells hold plain text: their links are reported."""
        for link in node.find_all("a", href=True):
            if link.find("img") is None and link.get("href", "").strip():
                self.links.lost(what, link["href"].strip())

    def _table(self, table, caption=""):
        self._report_links_in_plain_text(table, _("link in a table cell (kept as text)"))
        caption_tag = table.find("caption")
        caption = caption or _text(caption_tag)
        rows = [
            [_text(cell) for cell in row.find_all(["td", "th"])] for row in table.find_all("tr")
        ]
        width = max((len(row) for row in rows), default=0)
        rows = [row + [""] * (width - len(row)) for row in rows]
        first_is_header = bool(
            table.find("thead") or (table.find("tr") and table.find("tr").find("th"))
        )
        images = [b for img in table.find_all("img") if (b := self._image(img))]
        return [
            {
                "type": "table",
                "value": {
                    "data": rows,
                    "first_row_is_table_header": first_is_header,
                    "first_col_is_header": False,
                    "table_caption": caption[:255],
                },
            }
        ] + images

    # -------------------------------------------------------------- rich text

    def _paragraph(self, html):
        soup = BeautifulSoup(html, "html.parser")
        for tag in list(soup.find_all(True)):
            tag.name = RENAME.get(tag.name, tag.name)
            if tag.name not in INLINE_KEEP:
                tag.unwrap()
                continue
            attrs = {}
            if tag.name == "a":
                attrs = self._link_attrs(tag.get("href", ""))
                if attrs is None:
                    tag.unwrap()
                    continue
            tag.attrs = attrs
        value = re.sub(r"(<br/>)[ \t\r\n]+", r"\1", str(soup).strip())
        return {"type": "paragraph", "value": re.sub(r">[ \t\r]*\n[ \t\r\n]*<", "><", value)}

    def _link_attrs(self, href):
        href = (href or "").strip()
        if not href or href.lower().startswith(("javascript:", "data:", "vbscript:")):
            return None
        parts = urlsplit(href)
        internal = not parts.netloc or parts.netloc in self.links.site_hosts
        if internal and (parts.path not in ("", "/") or parse_qs(parts.query).get("p")):
            page_id = self.links.page_for_url(href)
            if page_id is not None:
                return {"linktype": "page", "id": str(page_id)}
            self.links.unresolved_pages.add(href)
        return {"href": href}


def clean_pre(text):
    """Preformatted text as written (the parser decoded its entities): line breaks and
    indentation kept."""
    return unicodedata.normalize("NFC", text).rstrip()


def content_page_block(block):
    """A story block as a content page block: content pages keep captions, quotes with
    their attribution, tables with their caption, preformatted text and embeds too."""
    kind, value = block["type"], block["value"]
    if kind in ("paragraph", "heading", "quote", "table", "preformatted", "gallery"):
        return block
    if kind == "image":
        if value.get("caption"):
            return {
                "type": "captioned_image",
                "value": {"image": value["image"], "caption": value["caption"]},
            }
        return {"type": "image", "value": value["image"]}
    if kind in ("video", "embed"):
        return {"type": "embed", "value": value}
    return None
