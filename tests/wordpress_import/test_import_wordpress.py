"""`manage.py import_wordpress`: a WordPress newsroom moves in with its archive and its links."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, ReferenceIndex, Revision

from base.models import ContentPage
from comments.models import Comment, Status
from news.models import ArticlePage, NewsTag, Reporter
from tests.wordpress_import.conftest import comment, export, item

pytestmark = pytest.mark.django_db


def run(path, *args):
    out = StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


ATTACHMENT = item(
    "40",
    "Đại hội thi đua",
    post_type="attachment",
    status="inherit",
    name="dai-hoi",
    link="http://kontum.example/dai-hoi/",
    extra="""<wp:attachment_url>http://kontum.example/wp-content/uploads/2020/10/dai-hoi.jpg</wp:attachment_url>
      <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>
        <wp:meta_value><![CDATA[Quang cảnh đại hội]]></wp:meta_value></wp:postmeta>""",
)
BODY = """Sáng nay, hơn 300 đại biểu dự Đại hội.

Bài liên quan: <a href="http://kontum.example/gap-mat-doan-dai-bieu/">gặp mặt đoàn đại biểu</a>.

[caption id="attachment_40" align="aligncenter"]<img class="wp-image-40" src="http://kontum.example/wp-content/uploads/2020/10/dai-hoi-300x169.jpg" /> Quang cảnh Đại hội[/caption]

<h2>Những con số</h2>
<table><tr><th>Năm</th><th>Gương</th></tr><tr><td>2020</td><td>32</td></tr></table>
<blockquote><p>Thi đua là yêu nước.</p><cite>Chủ tịch Hồ Chí Minh</cite></blockquote>
<ul><li>Khen thưởng 20 tập thể</li><li>Khen thưởng 12 cá nhân</li></ul>
<div class="lạ"><span>Chữ trong thẻ lạ vẫn còn &amp; không mất</span></div>
https://www.youtube.com/watch?v=dQw4w9WgXcQ
<script>alert(1)</script>"""

COMMENTS = "".join(
    [
        comment("501", "Y Nhi", "ynhi@example.invalid", "Chúc mừng các điển hình!"),
        comment("502", "A Thuận", "thuan@example.invalid", "Xin cảm ơn.", parent="501"),
        comment("503", "Bạn đọc", "ban@example.invalid", "Trả lời sâu hơn", parent="502"),
        comment("504", "Chờ duyệt", "cho@example.invalid", "Ý kiến chờ duyệt", approved="0"),
        comment("505", "Quảng cáo", "spam@example.invalid", "Mua ngay!!!", approved="spam"),
        comment("506", "Xoá", "xoa@example.invalid", "Đã xoá", approved="trash"),
        comment("507", "blog.example", "", "Pingback", kind="pingback"),
    ]
)

FULL = export(
    [
        ATTACHMENT,
        item(
            "10",
            "Đại hội Thi đua yêu nước &#8211; lần thứ VIII",
            name="%c4%91ai-hoi-thi-dua-yeu-nuoc",
            content=BODY,
            excerpt="Sapo từ WordPress.",
            extra=f"""<category domain="post_tag" nicename="dak-glei"><![CDATA[Đắk Glei]]></category>
      <category domain="category" nicename="thoi-su"><![CDATA[Thời sự]]></category>
      <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>40</wp:meta_value></wp:postmeta>
      <wp:postmeta><wp:meta_key>_yoast_wpseo_title</wp:meta_key><wp:meta_value><![CDATA[Đại hội VIII – SEO]]></wp:meta_value></wp:postmeta>
      <wp:postmeta><wp:meta_key>_yoast_wpseo_metadesc</wp:meta_key><wp:meta_value><![CDATA[Mô tả cho máy tìm kiếm.]]></wp:meta_value></wp:postmeta>
      {COMMENTS}""",
        ),
        item(
            "11",
            "Gặp mặt đoàn đại biểu",
            name="gap-mat-doan-dai-bieu",
            content="<!-- wp:paragraph --><p>Đoàn đại biểu Kon Tum lên đường.</p><!-- /wp:paragraph -->",
        ),
        item("12", "Bản nháp", name="ban-nhap", status="draft", content="Nháp."),
        item(
            "13",
            "Sắp đăng",
            name="sap-dang",
            status="future",
            date="2030-01-01 01:00:00",
            content="Hẹn giờ.",
        ),
        item("14", "Riêng tư", name="rieng-tu", status="private", content="Nội bộ."),
        item("15", "Đã xoá", name="da-xoa", status="trash", content="Thùng rác."),
        item(
            "20",
            "Giới thiệu",
            post_type="page",
            name="gioi-thieu",
            content="<p>Về chúng tôi.</p>",
            extra="",
        ),
        item(
            "21",
            "Liên hệ",
            post_type="page",
            name="lien-he",
            parent="20",
            content="<p>Số điện thoại.</p>",
        ),
    ]
)


@pytest.fixture
def site(news_index):
    NewsTag.objects.create(name="Đăk Glei")  # an existing spelling: reused, not split
    return news_index


def test_posts_become_stories_with_everything_they_had(site, write_export, uploads, client):
    output = run(write_export(FULL), "--uploads", str(uploads))
    story = ArticlePage.objects.get(title="Đại hội Thi đua yêu nước – lần thứ VIII")
    assert story.slug == "dai-hoi-thi-dua-yeu-nuoc"
    assert story.live and story.lead == "Sapo từ WordPress."
    assert story.seo_title == "Đại hội VIII – SEO"
    assert story.search_description == "Mô tả cho máy tìm kiếm."
    assert story.first_published_at.isoformat().startswith("2020-10-22T01:30")
    assert [b.reporter.name for b in story.bylines.all()] == ["Nguyễn Thị Hồng Nhung"]
    assert sorted(t.name for t in story.tags.all()) == ["Thời sự", "Đăk Glei"]
    assert NewsTag.objects.filter(folded="dak glei").count() == 1
    assert story.featured_image.title == "Đại hội thi đua"
    types = [block.block_type for block in story.body]
    assert types[:3] == ["paragraph", "paragraph", "image"]
    assert {"heading", "table", "quote", "video"} <= set(types)
    html = client.get(story.url).content.decode()
    for words in (
        "300 đại biểu",
        "Những con số",
        "Thi đua là yêu nước",
        "Khen thưởng 12 cá nhân",
        "Chữ trong thẻ lạ vẫn còn &amp; không mất",
        "Quang cảnh Đại hội",
    ):
        assert words in html, words
    assert "<script>alert(1)" not in html
    # The link to another imported post is a page link, seen by the reference index.
    other = ArticlePage.objects.get(title="Gặp mặt đoàn đại biểu")
    assert other.url in html
    assert ReferenceIndex.get_references_to(other).filter(object_id=str(story.pk)).exists()
    assert "Needs a look" not in output or "image not imported" not in output


def test_statuses_are_kept_and_the_trash_is_left_behind(site, write_export, uploads):
    output = run(write_export(FULL), "--uploads", str(uploads))
    by_title = {p.title: p for p in ArticlePage.objects.all()}
    assert not by_title["Bản nháp"].live
    assert not by_title["Sắp đăng"].live and by_title["Sắp đăng"].go_live_at.year == 2030
    assert Revision.page_revisions.filter(
        object_id=str(by_title["Sắp đăng"].pk), approved_go_live_at__isnull=False
    ).exists()
    assert not by_title["Riêng tư"].live
    assert "Đã xoá" not in by_title
    assert "14: " in output  # the private post is listed for a look


def test_pages_keep_their_hierarchy(site, write_export, uploads):
    run(write_export(FULL), "--uploads", str(uploads))
    about = ContentPage.objects.get(title="Giới thiệu")
    contact = ContentPage.objects.get(title="Liên hệ")
    assert contact.get_parent().specific == about
    assert about.get_parent().depth == 2


def test_sibling_pages_follow_the_menu_order(site, write_export):
    pages = [
        item(
            str(60 + n),
            title,
            post_type="page",
            name=f"trang-{n}",
            content="<p>.</p>",
            menu_order=str(order),
        )
        for n, (title, order) in enumerate([("Thứ ba", 3), ("Thứ nhất", 1), ("Thứ hai", 2)])
    ]
    run(write_export(export(pages)))
    home = ContentPage.objects.get(title="Thứ nhất").get_parent()
    titles = [p.title for p in home.get_children().type(ContentPage) if p.title.startswith("Thứ")]
    assert titles == ["Thứ nhất", "Thứ hai", "Thứ ba"]


def test_comments_keep_their_threads_and_stay_private(site, write_export, uploads, client):
    run(write_export(FULL), "--uploads", str(uploads))
    story = ArticlePage.objects.get(slug="dai-hoi-thi-dua-yeu-nuoc")
    comments = {c.author_name: c for c in Comment.objects.filter(page=story)}
    assert comments["A Thuận"].parent == comments["Y Nhi"]
    assert comments["Bạn đọc"].parent == comments["A Thuận"]
    assert comments["Bạn đọc"].thread == comments["Y Nhi"] and comments["Bạn đọc"].depth == 3
    assert comments["Chờ duyệt"].status == Status.PENDING
    assert comments["Quảng cáo"].status == Status.SPAM
    assert comments["Xoá"].status == Status.TRASH
    assert "blog.example" not in comments  # pingbacks are not comments
    assert comments["Y Nhi"].ip_address == "203.0.113.0"
    assert comments["Y Nhi"].created_at.isoformat().startswith("2020-10-23T02:00")
    html = client.get(story.url).content.decode()
    assert "Trả lời sâu hơn" in html and "Ý kiến chờ duyệt" not in html
    assert "ynhi@example.invalid" not in html


def test_old_links_answer_301(site, write_export, uploads, client):
    run(write_export(FULL), "--uploads", str(uploads))
    story = ArticlePage.objects.get(slug="dai-hoi-thi-dua-yeu-nuoc")
    for old in ("/%C4%91ai-hoi-thi-dua-yeu-nuoc/", "/?p=10"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(story.url)
    tag = client.get("/tag/dak-glei/")
    assert tag.status_code == 301 and tag["Location"].endswith("/chu-de/dak-glei/")
    about = ContentPage.objects.get(title="Giới thiệu")
    assert client.get("/?page_id=20")["Location"].endswith(about.url)


def test_a_second_run_changes_nothing(site, write_export, uploads):
    path = write_export(FULL)
    run(path, "--uploads", str(uploads))
    counts = (
        Page.objects.count(),
        Comment.objects.count(),
        Revision.objects.count(),
        Reporter.objects.count(),
        NewsTag.objects.count(),
    )
    output = run(path, "--uploads", str(uploads))
    assert (
        Page.objects.count(),
        Comment.objects.count(),
        Revision.objects.count(),
        Reporter.objects.count(),
        NewsTag.objects.count(),
    ) == counts
    assert "không đổi từ lần nhập trước" in output


def test_an_edited_post_is_updated_in_place(site, write_export, uploads):
    run(write_export(FULL), "--uploads", str(uploads))
    story = ArticlePage.objects.get(slug="gap-mat-doan-dai-bieu")
    edited = FULL.replace("Đoàn đại biểu Kon Tum lên đường.", "Đoàn đại biểu đã về.")
    run(write_export(edited, "edited.xml"), "--uploads", str(uploads))
    story.refresh_from_db()
    assert ArticlePage.objects.filter(slug="gap-mat-doan-dai-bieu").count() == 1
    assert story.lead == "Đoàn đại biểu đã về."  # its only paragraph, so the lead


def test_a_dry_run_writes_nothing(site, write_export, uploads):
    before = (Page.objects.count(), Comment.objects.count(), Reporter.objects.count())
    output = run(write_export(FULL), "--uploads", str(uploads), "--dry-run")
    assert (Page.objects.count(), Comment.objects.count(), Reporter.objects.count()) == before
    assert "tin bài" in output and "phóng viên                           1" in output


def test_a_missing_file_is_reported_and_the_post_still_imported(site, write_export, tmp_path):
    output = run(write_export(FULL), "--uploads", str(tmp_path / "empty"))
    assert ArticlePage.objects.filter(slug="dai-hoi-thi-dua-yeu-nuoc").exists()
    assert "40" in output and "dai-hoi.jpg" in output


def test_malformed_xml_is_a_clear_error_with_the_line(site, write_export):
    broken = FULL.replace("<wp:post_id>11</wp:post_id>", "<wp:post_id>11</wp:post_idd>")
    with pytest.raises(CommandError, match=r"line \d+"):
        run(write_export(broken))


def test_older_exports_under_either_namespace(site, write_export):
    for number, namespace in enumerate(
        ("http://wordpress.org/export/1.0/", "https://wordpress.org/export/1.1/")
    ):
        text = export(
            [item(f"3{number}", f"Tin cũ số {number}", name=f"tin-cu-{number}", content="Chữ.")],
            namespace=namespace,
        )
        run(write_export(text, f"{number}.xml"))
    assert ArticlePage.objects.filter(title__startswith="Tin cũ số").count() == 2


def test_the_real_peer_export(site, peer_export, client):
    """An export made by a real WordPress (the peer in ../shared/peers, Debian's 6.1)."""
    run(peer_export)
    story = ArticlePage.objects.get(slug="hoi-nghi-tuyen-duong-dien-hinh-tien-tien")
    # Five tags and the category, flattened into tags.
    assert "Thời sự" in [t.name for t in story.tags.all()]
    assert story.live and len(list(story.tags.all())) == 6
    comments = Comment.objects.filter(page=story)
    assert comments.count() == 200
    assert comments.filter(parent__isnull=False).count() == 49
    assert max(comments.values_list("depth", flat=True)) == 5
    response = client.get("/hoi-nghi-tuyen-duong-dien-hinh-tien-tien/")
    assert response.status_code == 301 and response["Location"].endswith(story.url)
    html = client.get(story.url).content.decode()
    assert "200 bình luận" in html
    revisions = Revision.objects.count()
    output = run(peer_export)
    assert Revision.objects.count() == revisions and Comment.objects.count() == 201
    assert "không đổi từ lần nhập trước" in output
