"""The site's editions: one per content language (settings.EDITIONS), each a Wagtail locale
with its own home page and address prefix.

Django knows Vietnamese and English; it does not know Ba Na (bdq), Xơ Đăng (sed) or Gia Rai
(jra), so `register_languages` (run when the app is ready) describes them to it. Interface
strings with no translation in a minority language fall back to Vietnamese (Django falls back
to LANGUAGE_CODE for every language but English): its readers read Vietnamese, not English.
"""

from dataclasses import dataclass

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
