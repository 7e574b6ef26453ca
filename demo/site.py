"""The site tree's root for the demo: one HomePage as the default Site's root."""

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
PRIVACY_BODY = [
    ("heading", "Chúng tôi giữ những gì"),
    (
        "paragraph",
        "<p>Khi bạn gửi bình luận, chúng tôi lưu tên, địa chỉ email, nội dung bình luận, "
        "mạng (địa chỉ IP đã được rút gọn, ví dụ 203.0.113.0) và tên trình duyệt. Email "
        "không bao giờ được hiển thị công khai, trong trang, nguồn tin (RSS) hay API.</p>",
    ),
    ("heading", "Để làm gì và trong bao lâu"),
    (
        "paragraph",
        "<p>Tên và nội dung hiển thị cùng bình luận đã được duyệt. Email dùng để kiểm duyệt "
        "và, nếu bạn chọn, để báo khi có người trả lời. Mạng và trình duyệt chỉ dùng để "
        "chống thư rác và được xoá sau 30 ngày. Bình luận rác và bình luận đã bỏ vào thùng "
        "rác được xoá sau 30 ngày.</p>"
        "<p>Hồ sơ điển hình tiên tiến chỉ công bố năm sinh và dân tộc trong tệp xuất và API "
        "khi người được nêu gương đã đồng ý (Nghị định 13/2023/NĐ-CP).</p>",
    ),
    ("heading", "Xem, tải về hoặc xoá dữ liệu của bạn"),
    (
        "paragraph",
        "<p>Gửi yêu cầu tới địa chỉ email của toà soạn ở chân trang, từ địa chỉ email bạn "
        "đã dùng để bình luận. Chúng tôi gửi lại toàn bộ dữ liệu về bạn (bình luận, đăng ký "
        "nhận thông báo, thư đã gửi cho bạn) dưới dạng tệp JSON, hoặc xoá chúng. Bình luận "
        "đã xoá được thay bằng dòng “Bình luận đã được xoá theo yêu cầu” để các trả lời của "
        "người khác vẫn giữ nguyên chỗ.</p>",
    ),
]


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
            body=[{"type": kind, "value": value} for kind, value in PRIVACY_BODY],
        )
    )
    page.save_revision().publish()
    return page


def load_roles(stdout=None):
    """Staff groups and workflows, once the sections exist (see ROLE_SETUPS)."""
    call_command("setup_roles", stdout=stdout)
