"""A hand-written WordPress export with one case of each kind, and the real peer's export."""

import gzip
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def item(
    wp_id,
    title,
    *,
    post_type="post",
    status="publish",
    name="",
    content="",
    excerpt="",
    parent="0",
    link=None,
    date="2020-10-22 01:30:00",
    extra="",
    creator="bientap",
    menu_order="0",
):
    link = link or f"http://kontum.example/{name or wp_id}/"
    return f"""
    <item>
      <title>{title}</title>
      <link>{link}</link>
      <dc:creator><![CDATA[{creator}]]></dc:creator>
      <content:encoded><![CDATA[{content}]]></content:encoded>
      <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
      <wp:post_id>{wp_id}</wp:post_id>
      <wp:post_date>2020-10-22 08:30:00</wp:post_date>
      <wp:post_date_gmt>{date}</wp:post_date_gmt>
      <wp:post_modified_gmt>{date}</wp:post_modified_gmt>
      <wp:comment_status>open</wp:comment_status>
      <wp:post_name><![CDATA[{name}]]></wp:post_name>
      <wp:status>{status}</wp:status>
      <wp:post_parent>{parent}</wp:post_parent>
      <wp:menu_order>{menu_order}</wp:menu_order>
      <wp:post_type>{post_type}</wp:post_type>
      {extra}
    </item>"""


def comment(
    wp_id,
    author,
    email,
    text,
    *,
    parent="0",
    approved="1",
    kind="comment",
    ip="203.0.113.77",
    date="2020-10-23 02:00:00",
):
    return f"""
      <wp:comment>
        <wp:comment_id>{wp_id}</wp:comment_id>
        <wp:comment_author><![CDATA[{author}]]></wp:comment_author>
        <wp:comment_author_email>{email}</wp:comment_author_email>
        <wp:comment_author_IP>{ip}</wp:comment_author_IP>
        <wp:comment_date_gmt>{date}</wp:comment_date_gmt>
        <wp:comment_content><![CDATA[{text}]]></wp:comment_content>
        <wp:comment_approved>{approved}</wp:comment_approved>
        <wp:comment_type>{kind}</wp:comment_type>
        <wp:comment_parent>{parent}</wp:comment_parent>
      </wp:comment>"""


def export(items, namespace="http://wordpress.org/export/1.2/", terms=""):
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="{namespace}excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{namespace}">
<channel>
  <title>Báo Kon Tum cũ</title>
  <link>http://kontum.example</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>http://kontum.example</wp:base_site_url>
  <wp:author><wp:author_login><![CDATA[bientap]]></wp:author_login>
    <wp:author_display_name><![CDATA[Nguyễn Thị Hồng Nhung]]></wp:author_display_name></wp:author>
  <wp:tag><wp:term_id>7</wp:term_id><wp:tag_slug>dak-glei</wp:tag_slug>
    <wp:tag_name><![CDATA[Đắk Glei]]></wp:tag_name></wp:tag>
  <wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>thoi-su</wp:category_nicename>
    <wp:cat_name><![CDATA[Thời sự]]></wp:cat_name></wp:category>
  {terms}
  {"".join(items)}
</channel>
</rss>"""


@pytest.fixture
def write_export(tmp_path):
    def write(text, name="export.xml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def peer_export(tmp_path):
    path = tmp_path / "peer-export.xml"
    path.write_bytes(gzip.decompress((DATA / "peer-export.xml.gz").read_bytes()))
    return path


@pytest.fixture
def uploads(tmp_path):
    """A copy of wp-content/uploads with one picture."""
    from PIL import Image

    folder = tmp_path / "uploads" / "2020" / "10"
    folder.mkdir(parents=True)
    Image.new("RGB", (640, 360), (180, 40, 40)).save(folder / "dai-hoi.jpg")
    return tmp_path / "uploads"
