"""A story's full text for feed readers (RSS ``content:encoded``, Atom ``content``).

The body is rendered by its blocks' own templates, as on the page (the same rich-text
rendering), then cleaned for a reader that shows it inside its own page: no script, style,
iframe, object, form or template elements (with what is inside them), no ``on*`` event
attributes, no ``style`` attributes, no ``javascript:`` links; relative links and pictures
become absolute URLs on the Site (discovery.seo.absolute_url).
"""

from html import escape
from html.parser import HTMLParser

from discovery import seo

DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "noscript",
    "template",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "svg",
    "math",
}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
DROPPED_TAGS = {"link", "meta", "base"}
URL_ATTRIBUTES = {"href", "src", "poster", "action", "formaction", "cite", "data"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text")


class _Cleaner(HTMLParser):
    def __init__(self, absolute):
        super().__init__(convert_charrefs=True)
        self.absolute = absolute
        self.out = []
        self.skipping = []  # the open elements whose content is dropped

    def _attributes(self, attrs):
        kept = []
        for name, value in attrs:
            name = name.lower()
            value = value or ""
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                continue
            if name in URL_ATTRIBUTES:
                compact = "".join(value.split()).lower()
                if compact.startswith(UNSAFE_SCHEMES):
                    continue
                value = self.absolute(value) if value.startswith("/") else value
            elif name == "srcset":
                value = ", ".join(
                    " ".join([self.absolute(part.split()[0]), *part.split()[1:]])
                    if part.strip().startswith("/")
                    else part.strip()
                    for part in value.split(",")
                    if part.strip()
                )
            kept.append(f' {name}="{escape(value, quote=True)}"')
        return "".join(kept)

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        if tag in DROPPED_WITH_CONTENT:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        if tag in DROPPED_TAGS:
            return
        self.out.append(f"<{tag}{self._attributes(attrs)}>")

    def handle_startendtag(self, tag, attrs):
        if self.skipping or tag in DROPPED_WITH_CONTENT or tag in DROPPED_TAGS:
            return
        self.out.append(f"<{tag}{self._attributes(attrs)}>")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in VOID or tag in DROPPED_TAGS or tag in DROPPED_WITH_CONTENT:
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(escape(data, quote=False))

    def handle_comment(self, data):
        pass


def clean_html(html, request=None):
    cleaner = _Cleaner(lambda url: seo.absolute_url(request, url))
    cleaner.feed(html)
    cleaner.close()
    return "".join(cleaner.out).strip()


def story_html(story, request=None):
    """The story's body as clean HTML, its lead first."""
    body = story.body.render_as_block(context={"request": request, "page": story, "self": story})
    lead = f"<p><strong>{escape(story.lead)}</strong></p>" if story.lead else ""
    return lead + clean_html(str(body), request)
