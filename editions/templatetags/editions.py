"""The editions in a page: the switch in the header, hreflang links, "Đọc bằng tiếng…"."""

from django import template
from django.utils import translation
from django.utils.html import format_html

from ..editions import current_language, edition_homes, page_versions
from ..languages import BY_CODE, DEFAULT, interface_language

register = template.Library()


def _versions_here(context):
    """The versions of the page being shown (`page` in the context), if it is one."""
    return page_versions(context.get("page"), context.get("request"))


@register.simple_tag(takes_context=True)
def edition_links(context):
    """Every edition that exists, each pointing at this page's version in it when there is
    one, otherwise at that edition's home: [{code, own_name, url, current}]."""
    request = context.get("request")
    here = current_language()
    versions = _versions_here(context)
    links = []
    for code, home in edition_homes(request).items():
        target = versions.get(code) or home
        links.append(
            {
                "code": code,
                "own_name": BY_CODE[code].own_name,
                "url": target.get_url(request),
                "current": code == here,
            }
        )
    return links if len(links) > 1 else []


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """The page's versions for search engines: [{code, url}], plus x-default (Vietnamese),
    only when the page has more than one."""
    request = context.get("request")
    versions = _versions_here(context)
    if len(versions) < 2:
        return []
    links = [
        {"code": code, "url": version.get_full_url(request)} for code, version in versions.items()
    ]
    default = versions.get(DEFAULT)
    if default is not None:
        links.append({"code": "x-default", "url": default.get_full_url(request)})
    return links


@register.simple_tag(takes_context=True)
def other_versions(context, page):
    """This page in the other editions' languages: [{code, name, url, label, label_lang}],
    the name in the reader's language ("tiếng Ba Na" in Vietnamese, "Bahnar" in English),
    `label` the link's text ("Đọc bằng tiếng Ba Na") and `label_lang` the language it is
    really written in (a minority edition's interface falls back to Vietnamese)."""
    request = context.get("request")
    here = current_language()
    found = []
    for code, version in page_versions(page, request).items():
        if code == here:
            continue
        label = read_in(code)
        found.append(
            {
                "code": code,
                "name": language_name(code),
                "url": version.get_url(request),
                "label": label,
                "label_lang": _written_in(here, label, code),
            }
        )
    return found


def read_in(code):
    """ "Đọc bằng tiếng Ba Na", "Read in Bahnar": the link to a version in that language."""
    edition = BY_CODE[code]
    # Translators: a language's name inside a sentence ("Đọc bằng tiếng Ba Na").
    name = translation.pgettext("language in a sentence", edition.english_name)
    return translation.gettext("Read in %(language)s") % {"language": name}


def _written_in(here, text, code):
    """`here`, unless its catalog has no such text and it came out in Vietnamese."""
    if here in (DEFAULT, "en"):
        return here
    with translation.override(DEFAULT):
        return DEFAULT if read_in(code) == text else here


@register.simple_tag
def language_name(code):
    """The language's name in the interface's language, e.g. "Ba Na" in Vietnamese."""
    edition = BY_CODE.get(code)
    if edition is None:
        return code
    return translation.gettext(edition.english_name)


@register.simple_tag
def interface_lang():
    """` lang="vi"` for an element of the interface (header, footer, comment form…) when the
    edition's interface falls back to Vietnamese (Ba Na…); nothing when it is in the
    edition's language."""
    code = current_language()
    shown = interface_language(code)
    return format_html(' lang="{}"', shown) if shown != code else ""
