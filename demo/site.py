"""The site tree's root for the demo: one HomePage as the default Site's root."""

import tomllib
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils.translation import gettext as _
from wagtail.models import Collection, Locale, Page, Site

from base.models import ContentPage, HomePage, SiteIdentity
from demo import marks as demo_marks

HOME_TITLE = "Trang chủ"


def ensure_base_tree():
    """The locale, root page and root collection Wagtail's migrations make (gone after a flush)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, *_names in settings.EDITIONS:  # the editions' locales (editions' migration)
        Locale.objects.get_or_create(language_code=code)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Gốc")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Gốc", slug="root", live=True))
    return root


def _make_home(root):
    home = root.add_child(
        instance=HomePage(
            title=HOME_TITLE,
            slug="trang-chu",
            tagline="Tin tức – Thi đua – Điển hình tiên tiến",
        )
    )
    home.save_revision().publish()
    return home


def load(stdout=None):
    """The demo's home page as the default site's root. A site that already has a HomePage
    of its own keeps it (the demo's sections go under it) and keeps its site settings."""
    root = ensure_base_tree()
    home = demo_marks.get(HOME_KEY) or HomePage.objects.first()
    if home is None:
        home = demo_marks.ensure(HOME_KEY, lambda: _make_home(root))
    ours = demo_marks.is_demo(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    old_root = site.root_page
    if ours and site.root_page_id != home.pk and old_root.specific_class is Page:
        # Wagtail's own "welcome" page, made by its migrations: the demo home replaces it.
        site.root_page = home
        site.site_name = "Kon Tum Online"
        site.save()
        if old_root.depth == 2:
            old_root.delete()
    privacy = demo_marks.ensure(PRIVACY_KEY, lambda: privacy_page(home))
    if ours:
        _fill_identity(site, privacy)
    if stdout:
        stdout.write(_("Site: %(url)s/ → %(home)s") % {"url": site.root_url, "home": home.title})
    return home


def _fill_identity(site, privacy):
    """The demo site's identity, filled once (later edits by staff stay)."""
    if not demo_marks.once("kontum_site.identity"):
        return
    identity = SiteIdentity.for_site(site)
    if not identity.address:
        identity.address = "Số 1 đường Mẫu, phường Mẫu, tỉnh Kon Tum (dữ liệu mẫu)"
        identity.phone = "0260 000 0000"
        identity.licence = "Giấy phép mẫu số 00/GP-BTTTT (dữ liệu demo)"
    if identity.privacy_page_id is None and privacy is not None:
        identity.privacy_page = privacy
    identity.save()


HOME_KEY = "kontum_site.home"
PRIVACY_KEY = "kontum_site.privacy"
PRIVACY_SLUG = "chinh-sach-bao-ve-du-lieu-ca-nhan"
PRIVACY_DATA = Path(__file__).resolve().parent / "demo_data" / "privacy.toml"


def privacy_body():
    """The privacy page's blocks (demo_data/privacy.toml): [(type, value), …]."""
    with PRIVACY_DATA.open("rb") as handle:
        return [(block["type"], block["value"]) for block in tomllib.load(handle)["block"]]


def privacy_page(home):
    """The privacy policy the comment form links to (Decree 13/2023/NĐ-CP); None when a page
    of the site's own already has its address."""
    if Page.objects.child_of(home).filter(slug=PRIVACY_SLUG).exists():
        return None
    page = home.add_child(
        instance=ContentPage(
            title="Chính sách bảo vệ dữ liệu cá nhân",
            slug=PRIVACY_SLUG,
            intro="Những dữ liệu Kon Tum Online giữ về bạn đọc, để làm gì, trong bao lâu, "
            "và cách yêu cầu xem hoặc xoá chúng.",
            body=[{"type": kind, "value": value} for kind, value in privacy_body()],
        )
    )
    page.save_revision().publish()
    return page


def load_roles(stdout=None):
    """Staff groups and workflows, once the sections exist (see ROLE_SETUPS)."""
    call_command("setup_roles", stdout=stdout)


# The demo's English and Ba Na editions: their homes, translations of the Vietnamese one
# (news.demo_editions and programmes.demo_editions fill them).
DEMO_EDITIONS = {
    "en": ("Kon Tum Online", "News – Emulation movements – Outstanding examples"),
    "bdq": ("Kon Tum Online", "Pơlei Kon Tum ăn đak ŏ"),
}


def _translate_home(home, code, title, tagline):
    locale = Locale.objects.get(language_code=code)
    if home.has_translation(locale):
        return None  # the desk made this edition: the demo leaves it alone
    edition_home = home.copy_for_translation(locale)
    edition_home.title, edition_home.tagline = title, tagline
    edition_home.save_revision().publish()
    return edition_home


def load_editions(stdout=None):
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return
    for code, (title, tagline) in DEMO_EDITIONS.items():
        edition_home = demo_marks.ensure(
            f"editions.home:{code}",
            lambda code=code, title=title, tagline=tagline: _translate_home(
                home, code, title, tagline
            ),
        )
        if edition_home is not None and stdout:
            stdout.write(
                _("Edition %(code)s: its home at %(url)s") % {"code": code, "url": edition_home.url}
            )
