"""Compiled catalogs are committed (no GNU gettext needed) and must not drift from the .po."""

import gettext

import polib
import pytest

from operations.management.commands.compile_catalogs import project_catalogs

CATALOGS = list(project_catalogs())


def gettext_catalog(mo_path):
    with open(mo_path, "rb") as handle:
        return gettext.GNUTranslations(handle)._catalog


def test_there_are_catalogs():
    names = {str(path) for path in CATALOGS}
    assert any("news/locale/vi" in name for name in names)
    assert any("locale/vi" in name for name in names)


@pytest.mark.parametrize("po_path", CATALOGS, ids=str)
def test_mo_matches_po(po_path, tmp_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} missing: run `make messages`"
    fresh = tmp_path / "fresh.mo"
    polib.pofile(str(po_path)).save_as_mofile(str(fresh))
    assert gettext_catalog(mo_path) == gettext_catalog(fresh), "run `make messages`"


@pytest.mark.parametrize("po_path", [p for p in CATALOGS if "admin_locale" not in str(p)], ids=str)
def test_our_own_strings_are_all_translated(po_path):
    catalog = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


def test_our_strings_do_not_retranslate_the_admin():
    """Our catalogs win over Wagtail's: a shared msgid must read the same as in the admin."""
    from django.conf import settings

    admin_po = settings.BASE_DIR / "editorial/admin_locale/vi/LC_MESSAGES/django.po"
    admin = {
        (e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(admin_po)) if not e.msgid_plural
    }
    clashes = [
        f"{po_path}: {entry.msgid!r} → {entry.msgstr!r}, admin says {admin[key]!r}"
        for po_path in CATALOGS
        if "admin_locale" not in str(po_path)
        for entry in polib.pofile(str(po_path))
        if (key := (entry.msgctxt, entry.msgid)) in admin and admin[key] != entry.msgstr
    ]
    assert clashes == [], "use a msgctxt (pgettext) for a different meaning:\n" + "\n".join(clashes)
