"""The site tree's root for the demo: one HomePage as the default Site's root."""

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from .models import HomePage, SiteIdentity

HOME_TITLE = "Trang chủ"


def ensure_base_tree():
    """The locale, root page and root collection Wagtail's migrations make (gone after a flush)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", live=True))
    return root


def load(stdout=None):
    root = ensure_base_tree()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title=HOME_TITLE,
                slug="trang-chu",
                tagline="Tin tức – Thi đua – Điển hình tiên tiến",
            )
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Kon Tum Online"
        site.save()
        if old_root.depth == 2 and old_root.specific_class != HomePage:
            old_root.delete()
    identity = SiteIdentity.for_site(site)
    if not identity.address:
        identity.address = "Số 1 đường Mẫu, phường Mẫu, tỉnh Kon Tum (dữ liệu mẫu)"
        identity.phone = "0260 000 0000"
        identity.licence = "Giấy phép mẫu số 00/GP-BTTTT (dữ liệu demo)"
        identity.save()
    if stdout:
        stdout.write(f"Site: {site.hostname} → {home.title}")
    return home


def load_roles(stdout=None):
    """Staff groups and workflows, once the sections exist (see ROLE_SETUPS)."""
    from django.core.management import call_command

    call_command("setup_roles", stdout=stdout)
