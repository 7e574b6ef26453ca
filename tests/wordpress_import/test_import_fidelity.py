"""Issue 25, the importer's side: an archive arrives whole whatever the order of its files,
private posts stay private, every comment comes with its page, every old link answers 301,
and the report says what happened. Read over HTTP, as a reader (or the old link) would."""

import gzip
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision

from base.models import ContentPage
from comments.models import Comment
from news.models import ArticlePage, NewsTag
from tests.wordpress_import.conftest import DATA, comment, export, item

pytestmark = pytest.mark.django_db

ORG = DATA / "wordpress-org"


def run(*paths_and_options):
    out = StringIO()
    call_command(
        "import_wordpress", *[str(p) for p in paths_and_options], stdout=out, stderr=StringIO()
    )
    return out.getvalue()


def unpacked(tmp_path, name):
    path = tmp_path / name.removesuffix(".gz")
    path.write_bytes(gzip.decompress((ORG / name).read_bytes()))
    return path


def table(output):
    """The report's counts table: {label: (created, updated)}."""
    rows = {}
    for line in output.splitlines():
        match = re.match(r"^(\S.*?)\s+([\d,.]+)\s+([\d,.]+)$", line)
        if match:
            rows[match[1].strip()] = (match[2], match[3])
    return rows


def site(text, base="http://kontum.example", blog=None, title="Báo Kon Tum cũ"):
    """An export from another site (or from WordPress.com: base https://wordpress.com/)."""
    blog = blog or base
    return (
        text.replace(
            "<wp:base_site_url>http://kontum.example</wp:base_site_url>",
            f"<wp:base_site_url>{base}</wp:base_site_url>"
            f"<wp:base_blog_url>{blog}</wp:base_blog_url>",
        )
        .replace("<link>http://kontum.example</link>", f"<link>{blog}</link>")
        .replace("<title>Báo Kon Tum cũ</title>", f"<title>{title}</title>")
    )


PHOTO = item(
    "40",
    "Đại hội thi đua",
    post_type="attachment",
    status="inherit",
    name="dai-hoi",
    parent="10",
    link="http://kontum.example/dai-hoi-thi-dua/dai-hoi/",
    extra="""<wp:attachment_url>http://kontum.example/wp-content/uploads/2020/10/dai-hoi.jpg</wp:attachment_url>"""
    + comment("901", "Người xem ảnh", "xem@example.invalid", "Ảnh đẹp quá!"),
)
STORY = item(
    "10",
    "Đại hội thi đua",
    name="dai-hoi-thi-dua",
    content='Sapo.\n\n<img class="wp-image-40" src="http://kontum.example/wp-content/uploads/2020/10/dai-hoi-300x169.jpg" alt="">\n\nĐoạn hai.',
)


def image_blocks(story):
    story.refresh_from_db()
    return [block.value["image"] for block in story.body if block.block_type == "image"]


# ---------------------------------------------------------------- 2. order-independent


def test_images_are_placed_when_posts_come_before_their_attachments(
    news_index, write_export, uploads, client
):
    run(write_export(export([STORY, PHOTO])), "--uploads", uploads)
    story = ArticlePage.objects.get(slug="dai-hoi-thi-dua")
    [image] = image_blocks(story)
    assert image.title == "Đại hội thi đua"
    assert "dai-hoi" in client.get(story.url).content.decode()


def test_a_size_split_export_places_images_across_its_files(
    news_index, write_export, uploads, client
):
    media = write_export(export([PHOTO]), "1-media.xml")
    posts = write_export(export([STORY]), "2-posts.xml")
    output = run(media, posts, "--uploads", uploads)
    story = ArticlePage.objects.get(slug="dai-hoi-thi-dua")
    assert len(image_blocks(story)) == 1
    assert "image not imported" not in output and "không nhập được" not in output
    # The attachment's comment is on its post's page.
    assert "Ảnh đẹp quá!" in client.get(story.url).content.decode()


def test_a_later_run_places_the_images_an_earlier_run_could_not(
    news_index, write_export, uploads, tmp_path
):
    path = write_export(export([STORY, PHOTO]))
    first = run(path, "--uploads", tmp_path / "empty")
    story = ArticlePage.objects.get(slug="dai-hoi-thi-dua")
    assert image_blocks(story) == [] and "40" in first
    second = run(path, "--uploads", uploads)
    assert len(image_blocks(story)) == 1
    assert table(second)["tin bài"] == ("0", "1")  # updated, not "unchanged"


# ---------------------------------------------------------------- 3. private stays private


PRIVATE = export(
    [
        item(
            "30",
            "Bài có mật khẩu",
            name="bai-co-mat-khau",
            content="Nội dung chỉ người có mật khẩu được đọc.",
            extra="<wp:post_password><![CDATA[kontum-2020]]></wp:post_password>",
        ),
        item("31", "Bài riêng tư", name="bai-rieng-tu", status="private", content="Nội bộ."),
    ]
)


def test_a_password_protected_post_asks_for_its_password(news_index, write_export, client):
    output = run(write_export(PRIVATE))
    story = ArticlePage.objects.get(slug="bai-co-mat-khau")
    restriction = PageViewRestriction.objects.get(page=story)
    assert restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == "kontum-2020"
    for _attempt in range(2):  # never from the page cache either
        response = client.get(story.url)
        html = response.content.decode()
        assert 'name="password"' in html
        assert "chỉ người có mật khẩu" not in html
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{story.pk}/",
        {"password": "kontum-2020", "return_url": story.url},
    )
    assert response.status_code == 302
    assert "chỉ người có mật khẩu" in client.get(story.url).content.decode()
    assert "30: " in output  # reported


def test_a_private_post_stays_unpublished_and_its_old_link_gives_nothing_away(
    news_index, write_export, client
):
    output = run(write_export(PRIVATE))
    story = ArticlePage.objects.get(slug="bai-rieng-tu")
    assert not story.live
    assert client.get(story.url).status_code == 404
    assert client.get("/bai-rieng-tu/").status_code == 404
    assert client.get("/?p=31").status_code != 301  # the home page, as for any unknown ?p=
    assert "31: " in output


# ---------------------------------------------------------------- 4. comments


CLOSED = export(
    [
        item(
            "50",
            "Thảo luận đã đóng",
            name="thao-luan-da-dong",
            content="Bài cũ.",
            extra=comment("601", "Y Nhi", "ynhi@example.invalid", "Ý kiến từ năm 2020")
            + comment("602", "A Thuận", "thuan@example.invalid", "Trả lời Y Nhi", parent="601"),
        ).replace(
            "<wp:comment_status>open</wp:comment_status>",
            "<wp:comment_status>closed</wp:comment_status>",
        ),
        item(
            "51",
            "Trang có bình luận",
            post_type="page",
            name="trang-co-binh-luan",
            content="<p>Trang.</p>",
            extra=comment("603", "Bạn đọc", "ban@example.invalid", "Bình luận trên trang"),
        ),
    ]
)


def test_a_closed_discussion_stays_readable_and_closed(news_index, write_export, client):
    run(write_export(CLOSED))
    story = ArticlePage.objects.get(slug="thao-luan-da-dong")
    assert story.comments_enabled and story.comments_closed
    html = client.get(story.url).content.decode()
    assert "Ý kiến từ năm 2020" in html and "Trả lời Y Nhi" in html
    assert "Đã đóng bình luận ở trang này." in html
    assert 'id="binh-luan-form"' not in html
    assert html.index("Trả lời Y Nhi") < html.index("Đã đóng bình luận ở trang này.")


def test_comments_on_pages_come_over_and_can_be_answered(news_index, write_export, client):
    run(write_export(CLOSED))
    page = ContentPage.objects.get(slug="trang-co-binh-luan")
    assert page.comments_enabled and not page.comments_closed
    html = client.get(page.url).content.decode()
    assert "Bình luận trên trang" in html and 'id="binh-luan-form"' in html


def test_an_edited_post_does_not_report_its_unchanged_comments_as_updated(news_index, write_export):
    run(write_export(CLOSED))
    output = run(write_export(CLOSED.replace("Bài cũ.", "Bài cũ, đã sửa."), "edited.xml"))
    assert table(output)["tin bài"] == ("0", "1")
    assert "bình luận" not in table(output)
    assert ArticlePage.objects.get(slug="thao-luan-da-dong").lead == "Bài cũ, đã sửa."


# ---------------------------------------------------------------- 6. every old link


SUBFOLDER = site(
    export(
        [
            item(
                "281",
                "Tin trong thư mục blog",
                name="tin-trong-blog",
                link="http://kontum.example/blog/2020/10/tin-trong-blog/",
                content='Xem <a href="http://www.kontum.example/blog/2020/10/tin-khac/">tin khác</a>.',
                extra="""<category domain="post_tag" nicename="dak-glei"><![CDATA[Đắk Glei]]></category>
      <category domain="post_tag" nicename="ngoc-hoi"><![CDATA[Ngọc Hồi]]></category>
      <category domain="category" nicename="huyen"><![CDATA[Huyện]]></category>""",
            ),
            item(
                "282",
                "Tin khác",
                name="tin-khac",
                link="http://kontum.example/blog/2020/10/tin-khac/",
                content="Tin khác.",
            ),
        ],
        terms="""<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>dia-phuong</wp:category_nicename>
    <wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Địa phương]]></wp:cat_name></wp:category>
  <wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>huyen</wp:category_nicename>
    <wp:category_parent>dia-phuong</wp:category_parent><wp:cat_name><![CDATA[Huyện]]></wp:cat_name></wp:category>""",
    ),
    blog="http://kontum.example/blog",
)


def test_a_wordpress_in_a_subfolder_keeps_every_old_link(news_index, write_export, client):
    run(write_export(SUBFOLDER))
    story = ArticlePage.objects.get(slug="tin-trong-blog")
    other = ArticlePage.objects.get(slug="tin-khac")

    def lands(old, url):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(url), (old, response["Location"])

    lands("/blog/?p=281", story.url)
    lands("/blog/2020/10/tin-trong-blog/", story.url)
    lands("/blog/tag/dak-glei/", "/chu-de/dak-glei/")
    lands("/blog/tag/ngoc-hoi/", "/chu-de/ngoc-hoi/")  # used on a post, not in the term list
    lands("/blog/category/dia-phuong/huyen/", "/chu-de/huyen/")  # a child category
    lands("/blog/category/huyen/", "/chu-de/huyen/")
    reporter = story.bylines.get().reporter
    lands("/blog/author/bientap/", news_index.reporter_url(reporter))
    assert client.get(news_index.reporter_url(reporter)).status_code == 200
    # A link written with www. is a link to the imported page.
    html = client.get(story.url).content.decode()
    assert f'href="{other.url}"' in html and "www.kontum.example" not in html


def test_an_attachment_page_answers_with_its_story(news_index, write_export, uploads, client):
    run(write_export(export([STORY, PHOTO])), "--uploads", uploads)
    story = ArticlePage.objects.get(slug="dai-hoi-thi-dua")
    response = client.get("/dai-hoi-thi-dua/dai-hoi/")
    assert response.status_code == 301 and response["Location"].endswith(story.url)


def test_an_attachment_without_a_post_answers_with_its_image(
    news_index, write_export, uploads, client
):
    lone = PHOTO.replace(
        "<wp:post_parent>10</wp:post_parent>", "<wp:post_parent>0</wp:post_parent>"
    )
    output = run(write_export(export([lone])), "--uploads", uploads)
    image = get_image_model().objects.get(title="Đại hội thi đua")
    assert "bình luận 901: trên tệp đính kèm" in output  # its comment has no page: listed
    response = client.get("/dai-hoi-thi-dua/dai-hoi/")
    assert response.status_code == 301 and response["Location"].endswith(image.file.url)


# ---------------------------------------------------------------- 7. identity


def test_two_wordpress_com_sites_do_not_overwrite_each_other(news_index, write_export):
    one = export([item("1", "Tin của blog một", name="tin", content="Một.")])
    two = export([item("1", "Tin của blog hai", name="tin", content="Hai.")])
    run(write_export(site(one, "https://wordpress.com/", "https://mot.wordpress.com"), "1.xml"))
    run(write_export(site(two, "https://wordpress.com/", "https://hai.wordpress.com"), "2.xml"))
    titles = sorted(ArticlePage.objects.values_list("title", flat=True))
    assert titles == ["Tin của blog hai", "Tin của blog một"]


def test_items_without_an_id_are_kept_apart_and_stable(news_index, write_export):
    def without_id(number):
        text = item("0", f"Tin không số {number}", name=f"khong-so-{number}", content="Chữ.")
        return text.replace(
            "<wp:post_id>0</wp:post_id>", f"<guid>http://kontum.example/?g={number}</guid>"
        )

    path = write_export(export([without_id(1), without_id(2)]))
    run(path)
    revisions = Revision.objects.count()
    output = run(path)
    assert ArticlePage.objects.filter(title__startswith="Tin không số").count() == 2
    assert Revision.objects.count() == revisions
    assert "không đổi từ lần nhập trước: 2" in output


# ---------------------------------------------------------------- 8. an honest report


def test_files_that_are_not_wordpress_exports_are_refused(news_index, tmp_path):
    for name, words in (
        ("importer-missing-version-tag.xml.gz", "không có phiên bản"),
        ("importer-invalid-version-tag.xml.gz", "“abc”"),
    ):
        with pytest.raises(CommandError) as refused:
            run(unpacked(tmp_path, name))
        assert "Đây không phải tệp xuất WordPress" in str(refused.value), name
        assert words in str(refused.value), name
    assert Page.objects.filter(title="Hello world!").count() == 0


def test_wxr_1_0_tags_attach_and_child_categories_answer(news_index, tmp_path, client):
    run(unpacked(tmp_path, "importer-valid-wxr-1.0.xml.gz"))
    alpha = ArticlePage.objects.get(title="Alpha post")
    assert sorted(t.name for t in alpha.tags.all()) == ["alpha", "news", "roar"]
    child = ArticlePage.objects.get(title="Child post")
    assert sorted(t.name for t in child.tags.all()) == ["chicken", "child", "face"]
    response = client.get("/category/parent/child/")
    assert response.status_code == 301 and response["Location"].endswith("/chu-de/child/")


def test_wordpress_com_attachments_are_found_under_the_uploads_at_their_path(news_index, tmp_path):
    from PIL import Image

    path = unpacked(tmp_path, "importer-wxr-flat-attachment-same-site.xml.gz")
    url = re.search(r"<wp:attachment_url>(?:<!\[CDATA\[)?([^<\]]+)", path.read_text())[1]
    relative = url.split(".files.wordpress.com/", 1)[1]
    target = tmp_path / "uploads" / relative
    target.parent.mkdir(parents=True)
    Image.new("RGB", (64, 64), (0, 90, 160)).save(target)
    output = run(path, "--uploads", tmp_path / "uploads")
    assert table(output)["ảnh"] == ("1", "0")
    assert get_image_model().objects.count() == 1


# ---------------------------------------------------------------- WordPress's own test data


@pytest.fixture
def theme_data(tmp_path):
    """The theme unit test data, and a copy of its uploads (its attachments live on
    files.wordpress.com: each is found under --uploads at that path)."""
    from PIL import Image

    path = unpacked(tmp_path, "theme-test-data-themeunittestdata.wordpress.xml.gz")
    for url in set(re.findall(r"<wp:attachment_url>(?:<!\[CDATA\[)?([^<\]]+)", path.read_text())):
        target = tmp_path / "uploads" / url.split(".files.wordpress.com/", 1)[1]
        target.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (32, 24), (200, 120, 0)).save(
            target, format="PNG" if url.endswith(".png") else "JPEG"
        )
    return path, tmp_path / "uploads"


def looks(output, kind="bài"):
    """WordPress IDs of the posts (pages) the report lists for a missing picture."""
    pattern = rf"^  {kind} (\d+): (?:ảnh|image)"
    return {match[1] for match in re.finditer(pattern, output, re.M)}


def test_the_theme_unit_test_data_item_by_item(news_index, theme_data, client):
    path, uploads = theme_data
    tags_before = NewsTag.objects.count()
    dry = run(path, "--uploads", uploads, "--dry-run")
    assert ArticlePage.objects.count() == 0 and Comment.objects.count() == 0
    real = run(path, "--uploads", uploads)
    assert table(dry) == table(real)  # tags once, stories, pages, images, comments, reporters
    assert looks(dry) == looks(real)  # no picture "not imported" in a dry run that a run places
    assert table(real)["tin bài"] == ("58", "0")
    assert table(real)["trang"] == ("21", "0")
    # Every attachment, from files.wordpress.com: 35 pictures, a .mov and an .mp3.
    assert table(real)["ảnh"] == ("35", "0") and table(real)["tài liệu"] == ("2", "0")

    # The password-protected post asks for "enter".
    protected = ArticlePage.objects.get(title__startswith="Template: Password Protected")
    assert PageViewRestriction.objects.get(page=protected).password == "enter"
    assert 'name="password"' in client.get(protected.url).content.decode()
    # The draft is not public.
    draft = ArticlePage.objects.get(title="Draft")
    assert client.get(draft.url).status_code == 404

    # Comments: the open post's, the closed post's (its pingbacks left out), the pages'.
    open_post = ArticlePage.objects.get(title="Template: Comments")
    assert Comment.objects.filter(page=open_post).count() == 20
    assert 'id="binh-luan-form"' in client.get(open_post.url).content.decode()
    closed_post = ArticlePage.objects.get(title="Template: Pingbacks And Trackbacks")
    assert Comment.objects.filter(page=closed_post).count() == 1
    html = client.get(closed_post.url).content.decode()
    assert "Đã đóng bình luận ở trang này." in html and 'id="binh-luan-form"' not in html
    page = ContentPage.objects.get(title="Page with comments")
    assert Comment.objects.filter(page=page).count() == 4  # one answers a comment not exported
    blog_page = ContentPage.objects.get(title="a Blog page")
    assert Comment.objects.filter(page=blog_page).count() == 1
    page_html = client.get(page.url).content.decode()
    assert "3 bình luận" in page_html and 'id="binh-luan-form"' in page_html

    # Old links: the post, ?p=, ?page_id=, a child category two levels down, the author.
    reporter = open_post.bylines.get().reporter
    for old, new in (
        ("/2012/01/03/template-comments/", open_post.url),
        ("/?p=1148", open_post.url),
        ("/?page_id=155", page.url),
        ("/category/parent/child-1/child-2/", "/chu-de/child-2/"),
        ("/author/themedemos/", news_index.reporter_url(reporter)),
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(new), (old, response["Location"])

    # A second run writes nothing but the posts whose pictures are still missing
    # (pictures hot-linked from other sites): those are tried again, and said so.
    missing, missing_pages = looks(real), looks(real, "trang")
    again = run(path, "--uploads", uploads)
    assert looks(again) == missing and looks(again, "trang") == missing_pages
    assert table(again).get("tin bài", ("0", "0")) == ("0", str(len(missing)))
    assert table(again).get("trang", ("0", "0")) == ("0", str(len(missing_pages)))
    assert "ảnh" not in table(again) and "tài liệu" not in table(again)
    assert "bình luận" not in table(again)
    assert NewsTag.objects.count() == tags_before + int(table(real)["thẻ"][0])
