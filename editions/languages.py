"""The site's editions: one per content language (settings.EDITIONS), each a Wagtail locale
with its own home page and address prefix.

Django knows Vietnamese and English; it does not know Ba Na (bdq), Xơ Đăng (sed) or Gia Rai
(jra), so `register_languages` (run when the app is ready) describes them to it. Interface
strings with no translation in a minority language fall back to Vietnamese (Django falls back
to LANGUAGE_CODE for every language but English): its readers read Vietnamese, not English.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings


@dataclass(frozen=True)
class Edition:
    code: str
    english_name: str
    vietnamese_name: str
    own_name: str


EDITIONS = tuple(Edition(*row) for row in settings.EDITIONS)
BY_CODE = {edition.code: edition for edition in EDITIONS}
DEFAULT = settings.LANGUAGE_CODE


def register_languages():
    """Teach Django the languages it does not know (names, direction) for `get_language_info`
    and the `{% get_language_info %}` tag."""
    from django.conf import locale

    for edition in EDITIONS:
        locale.LANG_INFO.setdefault(
            edition.code,
            {
                "bidi": False,
                "code": edition.code,
                "name": edition.english_name,
                "name_local": edition.own_name,
            },
        )


@lru_cache(maxsize=16)
def interface_language(code):
    """The language the interface is shown in for an edition: its own where the site's
    catalog translates the interface, Vietnamese where Django falls back to it (Ba Na, Xơ Đăng
    and Gia Rai until their desks translate the catalog). Pages mark their interface parts
    with it when it is not the edition's language."""
    from django.utils import translation

    probe = "Skip to content"
    if code == DEFAULT or code not in BY_CODE:
        return DEFAULT
    with translation.override(DEFAULT):
        default_text = translation.gettext(probe)
    with translation.override(code):
        own_text = translation.gettext(probe)
    return DEFAULT if own_text == default_text and code != "en" else code
