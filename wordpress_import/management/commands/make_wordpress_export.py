"""`manage.py make_wordpress_export OUT.xml --posts N --comments M`: a generated WXR export
of a newsroom's size (Vietnamese posts, tags, authors, threaded comments), for measuring
`import_wordpress` (README "Bring a WordPress newsroom over")."""

import random
from xml.sax.saxutils import escape

from django.core.management.base import BaseCommand

WORDS = [
    "Đại",
    "hội",
    "thi",
    "đua",
    "yêu",
    "nước",
    "tỉnh",
    "Kon",
    "Tum",
    "tuyên",
    "dương",
    "điển",
    "hình",
    "tiên",
    "tiến",
    "gương",
    "người",
    "tốt",
    "việc",
    "tốt",
    "nông",
    "thôn",
    "mới",
    "giảm",
    "nghèo",
    "bền",
    "vững",
    "đồng",
    "bào",
    "dân",
    "tộc",
    "thiểu",
    "số",
    "Đăk",
    "Glei",
    "Ngọc",
    "Hồi",
]


class Command(BaseCommand):
    help = "Write a generated WordPress export (for the import benchmark)."

    def add_arguments(self, parser):
        parser.add_argument("out")
        parser.add_argument("--posts", type=int, default=10_000)
        parser.add_argument("--comments", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, out, posts, comments, seed, **options):
        rng = random.Random(seed)
        per_post = comments // max(posts, 1)
        comment_id = 0
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(
                '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
                'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
                "<title>Báo mẫu</title><link>http://bao.example</link>\n"
                "<wp:base_site_url>http://bao.example</wp:base_site_url>\n"
            )
            for n in range(5):
                handle.write(
                    f"<wp:author><wp:author_login>pv{n}</wp:author_login>"
                    f"<wp:author_display_name>Phóng viên {n}</wp:author_display_name></wp:author>\n"
                )
            for post in range(1, posts + 1):
                text = " ".join(rng.choice(WORDS) for _ in range(120))
                body = "".join(
                    f"<p>{escape(text[i : i + 300])}</p>\n\n" for i in range(0, 900, 300)
                )
                tags = "".join(
                    f'<category domain="post_tag" nicename="chu-de-{t}"><![CDATA[Chủ đề {t}]]>'
                    "</category>"
                    for t in rng.sample(range(200), 3)
                )
                threads = []
                for c in range(per_post):
                    comment_id += 1
                    parent = comment_id - 1 if c % 4 and c else 0
                    threads.append(
                        f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
                        f"<wp:comment_author>Bạn đọc {comment_id}</wp:comment_author>"
                        f"<wp:comment_author_email>b{comment_id}@example.invalid"
                        "</wp:comment_author_email>"
                        "<wp:comment_author_IP>203.0.113.9</wp:comment_author_IP>"
                        "<wp:comment_date_gmt>2024-05-01 03:00:00</wp:comment_date_gmt>"
                        f"<wp:comment_content>Ý kiến số {comment_id}</wp:comment_content>"
                        "<wp:comment_approved>1</wp:comment_approved>"
                        "<wp:comment_type>comment</wp:comment_type>"
                        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
                    )
                handle.write(
                    f"<item><title>Bài viết số {post}: {escape(text[:60])}</title>"
                    f"<link>http://bao.example/bai-viet-so-{post}/</link>"
                    f"<dc:creator>pv{post % 5}</dc:creator>"
                    f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                    "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                    f"<wp:post_id>{post}</wp:post_id>"
                    "<wp:post_date_gmt>2024-05-01 01:00:00</wp:post_date_gmt>"
                    f"<wp:post_name>bai-viet-so-{post}</wp:post_name>"
                    "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                    f"{tags}{''.join(threads)}</item>\n"
                )
            handle.write("</channel>\n</rss>\n")
        self.stdout.write(f"{out}: {posts:,} posts, {comment_id:,} comments")
