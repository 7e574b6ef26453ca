"""WordPress shortcodes: only the ones WordPress core or a known plugin registers are code.

Anything else in square brackets is the writer's text ("Ông nói [tức là dự án] đã xong [sic]")
and stays exactly as typed; a bracket that looks like a shortcode (attributes, a closing tag,
an underscore or hyphen in its name) and is unknown is reported, still kept as text. The
pattern is WordPress's own `get_shortcode_regex()` for a given list of names, with its
`[[escaped]]` form.
"""

import re
from html import unescape

# WordPress core (wp-includes/media.php, class-wp-embed.php).
CORE = ("caption", "wp_caption", "gallery", "playlist", "audio", "video", "embed")
# NextGEN Gallery: its pictures live in its own folders, not in the export.
NEXTGEN = ("nggallery", "ngg", "ngg_images", "singlepic", "imagebrowser", "slideshow", "album")
# Jetpack's embeds of other sites: [youtube URL], [vimeo ID], [tweet URL]…
JETPACK = ("youtube", "vimeo", "dailymotion", "soundcloud", "tweet", "spotify", "googlemaps")
KNOWN = CORE + NEXTGEN + JETPACK


def shortcode_regex(names):
    """WordPress's get_shortcode_regex(): groups 1 and 6 are the [[escape]] brackets, 2 the
    name, 3 the attributes, 5 the enclosed content."""
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(
        r"\[(\[?)"
        rf"({alternatives})"
        r"(?![\w-])"
        r"([^\]\/]*(?:\/(?!\])[^\]\/]*)*?)"
        r"(?:(\/)\]|\](?:([^\[]*(?:\[(?!\/\2\])[^\[]*)*)(\[\/\2\]))?)"
        r"(\]?)",
        re.S,
    )


KNOWN_REGEX = shortcode_regex(KNOWN)
ATTRIBUTE = re.compile(
    r'([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*\'([^\']*)\'(?:\s|$)'
    r'|([\w-]+)\s*=\s*([^\s\'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|\'([^\']*)\'(?:\s|$)|(\S+)(?:\s|$)'
)
# Brackets an unknown plugin would have written: attributes, a closing tag, snake or kebab names.
LOOKS_LIKE_CODE = re.compile(
    r"\[(/?)([a-z][a-z0-9]*[_-][a-z0-9_-]*|[a-z][a-z0-9_-]*(?=\s+[\w-]+=))(?:\s[^\[\]]*)?\]"
)


def attributes(text):
    """shortcode_parse_atts(): {name: value}, positional values under "0", "1"…"""
    text = unescape(text or "").replace("\u201c", '"').replace("\u201d", '"')
    values, position = {}, 0
    for match in ATTRIBUTE.finditer(text.strip() + " "):
        groups = match.groups()
        if groups[0]:
            values[groups[0].lower()] = groups[1]
        elif groups[2]:
            values[groups[2].lower()] = groups[3]
        elif groups[4]:
            values[groups[4].lower()] = groups[5]
        else:
            positional = groups[6] or groups[7] or groups[8]
            if positional is not None:
                values[str(position)] = positional
                position += 1
    return values


def expand(text, handler):
    """Replace each known shortcode with handler(name, attributes, content) (HTML); an
    [[escaped]] one becomes its literal text, as WordPress shows it."""

    def replace(match):
        if match.group(1) == "[" and match.group(7) == "]":
            return match.group(0)[1:-1]
        return handler(match.group(2), attributes(match.group(3)), match.group(5) or "")

    return KNOWN_REGEX.sub(replace, text)


def unknown(text):
    """Names of unknown shortcode-looking brackets in plain text (not in code)."""
    names = []
    for match in LOOKS_LIKE_CODE.finditer(text):
        name = match.group(2).split()[0]
        if name not in KNOWN and name not in names:
            names.append(name)
    return names
