"""The Vietnamese admin: our catalogs cover Wagtail's and Django's messages, consistently.

Wagtail ships a ~20% Vietnamese admin. Our catalogs in LOCALE_PATHS (kontum_site/admin_locale)
take precedence and cover the rest; these tests keep them complete and correct.
"""

import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

ADMIN_LOCALE = Path(settings.BASE_DIR) / "editorial" / "admin_locale"
OUR_DJANGO = ADMIN_LOCALE / "vi" / "LC_MESSAGES" / "django.po"
OUR_DJANGOJS = ADMIN_LOCALE / "vi" / "LC_MESSAGES" / "djangojs.po"
DJANGO_CONTRIB_USED = {
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
}
COVERAGE_TARGET = 0.99


def source_catalogs(domain):
    """English source catalogs of the Wagtail apps and Django parts this site installs."""
    import django

    paths = []
    if domain == "django":
        paths.append(Path(django.__file__).parent / "conf" / "locale" / "en" / "LC_MESSAGES")
    for config in apps.get_app_configs():
        if config.name.startswith("wagtail") or config.name in DJANGO_CONTRIB_USED:
            paths.append(Path(config.path) / "locale" / "en" / "LC_MESSAGES")
    return [path / f"{domain}.po" for path in paths if (path / f"{domain}.po").exists()]


def keys(catalog):
    return {(entry.msgctxt, entry.msgid) for entry in catalog if not entry.obsolete}


def translated_keys(catalog):
    return {
        (entry.msgctxt, entry.msgid)
        for entry in catalog
        if not entry.obsolete and entry.translated() and "fuzzy" not in entry.flags
    }


@pytest.mark.parametrize(("domain", "ours"), [("django", OUR_DJANGO), ("djangojs", OUR_DJANGOJS)])
def test_admin_messages_are_translated(domain, ours):
    assert ours.exists(), f"{ours} is missing"
    wanted = set()
    for path in source_catalogs(domain):
        wanted |= keys(polib.pofile(str(path)))
    have = translated_keys(polib.pofile(str(ours)))
    missing = sorted(wanted - have, key=lambda key: (key[0] or "", key[1]))
    coverage = 1 - len(missing) / len(wanted)
    report = "\n".join(f"  {ctx + ' | ' if ctx else ''}{msgid!r}" for ctx, msgid in missing[:60])
    assert coverage >= COVERAGE_TARGET, (
        f"{domain}: {coverage:.1%} of {len(wanted)} messages translated; untranslated:\n{report}"
    )


PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{\w*\}|%%")


def placeholders(text):
    found = PLACEHOLDER.findall(text)  # names for %(name)s, "" for the others
    unnamed = re.findall(r"(?<!%)%[sdif]|\{\w*\}", text)
    return sorted(name for name in found if name) + sorted(unnamed)


def our_entries():
    for path in (OUR_DJANGO, OUR_DJANGOJS):
        if path.exists():
            for entry in polib.pofile(str(path)):
                if entry.translated():
                    yield entry


def test_placeholders_match():
    broken = []
    for entry in our_entries():
        if entry.msgid_plural:
            expected = sorted(
                set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural))
            )
            got = sorted(set(placeholders(entry.msgstr_plural[0])))
        else:
            expected, got = placeholders(entry.msgid), placeholders(entry.msgstr)
        if expected != got:
            broken.append(f"{entry.msgid!r}: {expected} != {got}")
    assert broken == [], "\n".join(broken[:40])


def glossary():
    rows = (ADMIN_LOCALE / "glossary.tsv").read_text(encoding="utf-8").splitlines()
    return dict(row.split("\t") for row in rows if row and not row.startswith("#"))


# Renderings the glossary rules out: a key term must read the same everywhere.
FORBIDDEN = {
    "bản thảo": "draft → bản nháp",
    "công bố": "publish → xuất bản",
    "luồng công việc": "workflow → quy trình duyệt",
    "quy trình làm việc": "workflow → quy trình duyệt",
    "bản sửa đổi": "revision → phiên bản",
    "bản sao lưu": "revision → phiên bản",
    "tuyển tập": "collection → bộ sưu tập",
    "hình ảnh": "image → ảnh",
    "đoạn mã": "snippet → snippet",
    "trang web": "site → website",
}


def test_glossary_terms_are_translated_one_way():
    terms = glossary()
    wrong = []
    for entry in our_entries():
        if entry.msgid_plural:
            continue
        term = entry.msgid.strip().lower()
        if term in terms and entry.msgstr.strip().lower() != terms[term]:
            wrong.append(f"{entry.msgid!r} → {entry.msgstr!r}, glossary says {terms[term]!r}")
        lowered = entry.msgstr.lower()
        for phrase, rule in FORBIDDEN.items():
            if phrase in lowered:
                wrong.append(f"{entry.msgid!r} → {entry.msgstr!r} uses {phrase!r} ({rule})")
    assert wrong == [], "\n".join(wrong[:40])


def test_our_catalog_wins_over_wagtails():
    with translation.override("vi"):
        assert translation.gettext("Pages") == "Trang"
        assert translation.gettext("Save draft") == "Lưu bản nháp"


def test_names_are_asked_and_shown_in_vietnamese_order(client, db, staff_user):
    """Django shows "first last": the first field holds the family and middle names."""
    admin = staff_user("quantri", superuser=True)
    client.force_login(admin)
    from django.urls import reverse

    form = client.get(reverse("wagtailusers_users:add")).content.decode()
    first = form.index('for="id_first_name"')
    last = form.index('for="id_last_name"')
    assert first < last  # asked in the order people write them
    assert "Họ và tên đệm" in form[first : first + 200]
    assert "Tên" in form[last : last + 200]
    user = staff_user("hung")
    user.first_name, user.last_name = "Trần Văn", "Hùng"
    user.save()
    listing = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert "Trần Văn Hùng" in listing
