"""WordPress post HTML (classic or block editor) → the story body's StreamField blocks.

Paragraphs, headings, lists, quotes, tables, images with captions (`[caption]`, `<figure>`),
galleries, embeds and YouTube links become our blocks; anything else is kept as sanitised
rich text, so no word a reader saw is dropped. Links to other imported posts become Wagtail
page links (`<a linktype="page">`), which the reference index sees.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .wxr import clean

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.S)
GALLERY = re.compile(r"\[gallery([^\]]*)\]")
SHORTCODE = re.compile(r"\[/?[a-z_][\w-]*(?:\s[^\]]*)?\]")
EMBED_LINE = re.compile(
    r"^\s*(https?://(?:www\.)?(?:youtube\.com|youtu\.be|vimeo\.com)/\S+)\s*$", re.M
)
BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "figure",
    "table",
    "img",
    "div",
    "pre",
    "hr",
    "iframe",
    "section",
    "dl",
    "address",
}
INLINE_KEEP = {"a", "b", "strong", "i", "em", "br", "ul", "ol", "li", "h3", "h4", "p"}
RENAME = {"strong": "b", "em": "i"}


@dataclass
class Links:
    """How to resolve what a body points at, and what could not be resolved yet."""

    page_for_url: callable  # old absolute/relative URL → page id or None
    image_for: callable  # (attachment id or None, src URL) → image id or None
    unresolved_pages: set = field(default_factory=set)  # old URLs of the site not found yet
    missing_images: list = field(default_factory=list)  # src URLs with no image
    site_hosts: tuple = ()


STARTS_A_BLOCK = re.compile(
    r"^<(p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr|section|iframe|dl|address)\b", re.I
)


def wpautop(text):
    """Classic-editor content has no <p>: blank lines separate paragraphs and single line
    breaks are <br> (WordPress's wpautop, as much as an import needs). A chunk that already
    starts with a block element is left as it is; so is block-editor content."""
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    out = []
    for chunk in chunks:
        if STARTS_A_BLOCK.match(chunk):
            out.append(chunk)
        else:
            out.append(f"<p>{chunk.replace(chr(10), '<br>')}</p>")
    return "\n".join(out)


def _expand_shortcodes(text):
    def caption(match):
        inner = match.group(2).strip()
        soup = BeautifulSoup(inner, "html.parser")
        image = soup.find("img")
        words = soup.get_text(" ", strip=True)
        if image is None:
            return f"<p>{inner}</p>"
        return f"<figure>{image}<figcaption>{words}</figcaption></figure>"

    def gallery(match):
        ids = re.search(r'ids="([\d,\s]+)"', match.group(1))
        if not ids:
            return ""
        images = "".join(
            f'<img class="wp-image-{pk.strip()}" src="">' for pk in ids.group(1).split(",")
        )
        return f'<figure class="wp-block-gallery">{images}</figure>'

    text = CAPTION.sub(caption, text)
    text = GALLERY.sub(gallery, text)
    text = EMBED_LINE.sub(
        lambda m: (
            f'<figure class="wp-block-embed"><a href="{m.group(1)}">{m.group(1)}</a></figure>'
        ),
        text,
    )
    return SHORTCODE.sub("", text)  # unknown shortcodes: their inner text stays


def _attachment_id(img):
    for css in img.get("class") or []:
        if css.startswith("wp-image-"):
            return css.removeprefix("wp-image-")
    return None


class BodyConverter:
    def __init__(self, links):
        self.links = links

    def convert(self, html):
        """(blocks for StreamField, the first paragraph's text)."""
        html = BLOCK_COMMENT.sub("", html or "")
        html = wpautop(_expand_shortcodes(html))
        soup = BeautifulSoup(html, "html.parser")
        for hidden in soup.find_all(["script", "style", "noscript", "template"]):
            hidden.decompose()  # never shown to a reader, never kept
        blocks = []
        for node in list(soup.children):
            blocks.extend(self._node(node))
        first_text = next(
            (
                BeautifulSoup(b["value"], "html.parser").get_text(" ", strip=True)
                for b in blocks
                if b["type"] == "paragraph"
            ),
            "",
        )
        return blocks, clean(first_text)

    # -------------------------------------------------------------- blocks

    def _node(self, node):
        if isinstance(node, Comment):
            return []
        if isinstance(node, NavigableString):
            text = str(node).strip()
            return [self._paragraph(f"<p>{text}</p>")] if text else []
        name = node.name
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = clean(node.get_text(" ", strip=True))
            return [{"type": "heading", "value": text}] if text else []
        if name == "p":
            images = node.find_all("img")
            if images and not node.get_text(strip=True):
                return [block for img in images if (block := self._image(img))]
            return [self._paragraph(str(node))]
        if name in ("ul", "ol"):
            return [self._paragraph(str(node))]
        if name == "blockquote":
            cite = node.find("cite")
            attribution = clean(cite.get_text(" ", strip=True)) if cite else ""
            if cite:
                cite.extract()
            text = "\n\n".join(
                clean(p.get_text(" ", strip=True)) for p in node.find_all("p")
            ) or clean(node.get_text(" ", strip=True))
            return [{"type": "quote", "value": {"text": text, "attribution": attribution}}]
        if name == "figure":
            return self._figure(node)
        if name == "img":
            block = self._image(node)
            return [block] if block else []
        if name == "table":
            return [self._table(node)]
        if name == "iframe":
            return self._embed(node.get("src", ""))
        if name == "hr":
            return []
        # div, section, pre and anything else: its children, or its text as rich text.
        if any(isinstance(child, Tag) and child.name in BLOCK_TAGS for child in node.children):
            return [block for child in list(node.children) for block in self._node(child)]
        text = node.get_text(" ", strip=True)
        return [self._paragraph(f"<p>{node.decode_contents()}</p>")] if text else []

    def _figure(self, node):
        classes = node.get("class") or []
        if "wp-block-embed" in classes or node.find("iframe"):
            link = node.find("a") or node.find("iframe")
            url = (link.get("href") or link.get("src") or "") if link else ""
            url = url or node.get_text(" ", strip=True)
            return self._embed(url)
        if "wp-block-gallery" in classes or len(node.find_all("img")) > 1:
            return [block for img in node.find_all("img") if (block := self._image(img))]
        if node.find("table"):
            return [self._table(node.find("table"))]
        img = node.find("img")
        caption = node.find("figcaption")
        caption_text = clean(caption.get_text(" ", strip=True)) if caption else ""
        if img is None:
            return [self._paragraph(f"<p>{node.decode_contents()}</p>")] if caption_text else []
        block = self._image(img, caption_text)
        if block:
            return [block]
        return [self._paragraph(f"<p>{caption_text}</p>")] if caption_text else []

    def _image(self, img, caption=""):
        src = img.get("src", "")
        image_id = self.links.image_for(_attachment_id(img), src)
        if image_id is None:
            self.links.missing_images.append(src or f"wp-image-{_attachment_id(img)}")
            return None
        return {
            "type": "image",
            "value": {"image": image_id, "caption": caption[:255], "credit": ""},
        }

    def _embed(self, url):
        url = (url or "").strip()
        if not url.startswith(("http://", "https://")):
            return []
        if "youtube.com/embed/" in url:
            url = "https://www.youtube.com/watch?v=" + url.split("/embed/")[1].split("?")[0]
        return [{"type": "video", "value": url}]

    def _table(self, table):
        rows = [
            [clean(cell.get_text(" ", strip=True)) for cell in row.find_all(["td", "th"])]
            for row in table.find_all("tr")
        ]
        width = max((len(row) for row in rows), default=0)
        rows = [row + [""] * (width - len(row)) for row in rows]
        first_is_header = bool(
            table.find("thead") or (table.find("tr") and table.find("tr").find("th"))
        )
        return {
            "type": "table",
            "value": {
                "data": rows,
                "first_row_is_table_header": first_is_header,
                "first_col_is_header": False,
                "table_caption": "",
            },
        }

    # -------------------------------------------------------------- rich text

    def _paragraph(self, html):
        soup = BeautifulSoup(html, "html.parser")
        for tag in list(soup.find_all(True)):
            if tag.name not in INLINE_KEEP:
                tag.unwrap()
                continue
            if tag.name in RENAME:
                tag.name = RENAME[tag.name]
            attrs = {}
            if tag.name == "a":
                attrs = self._link_attrs(tag.get("href", ""))
                if attrs is None:
                    tag.unwrap()
                    continue
            tag.attrs = attrs
        return {"type": "paragraph", "value": str(soup).strip()}

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
