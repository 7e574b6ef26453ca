"""Privacy (email never public, export, erase, IP purge), XSS, and who may moderate."""

import json
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from comments.models import Comment, Status

pytestmark = pytest.mark.django_db

SECRET = "bi.mat.rieng@example.invalid"

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<scr<script>ipt>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "{{ 7*7 }}<script>alert(1)</script>",
    '<div style="background:url(javascript:alert(1))">',
    "<marquee onstart=alert(1)>",
    '<object data="javascript:alert(1)">',
    "<embed src=javascript:alert(1)>",
    "<video><source onerror=alert(1)>",
    '<base href="javascript:alert(1)//">',
    "<form action=javascript:alert(1)><button>x",
    "javascript:/*--></title></style></textarea></script><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
]


class _InjectionFinder(HTMLParser):
    """Finds what a payload would have become in the DOM had it not been escaped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") and "alert" in (value or ""):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src", "action", "data") and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}=javascript:")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert(1)" in data:
            self.found.append("script alert(1)")


def _assert_escaped(html):
    finder = _InjectionFinder()
    finder.feed(html)
    assert finder.found == []


@pytest.fixture
def xss_comments(story):
    comments = Comment.objects.bulk_create(
        Comment(
            page=story,
            author_name=payload[:100],
            author_email=f"x{n}@example.invalid",
            body=payload,
            body_hash=f"{n:064d}",
            status=Status.APPROVED,
            visible=True,  # bulk_create skips save(), which derives it
        )
        for n, payload in enumerate(XSS)
    )
    return comments


def test_xss_corpus_is_large_enough():
    assert len(XSS) >= 20


def test_xss_escaped_on_the_page(client, story, xss_comments, rules):
    rules.per_page = 50
    rules.save()
    html = client.get(story.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    _assert_escaped(html)


def test_xss_escaped_in_admin_listing_detail_and_dashboard(admin_client, story, xss_comments):
    Comment.objects.filter(pk__in=[c.pk for c in xss_comments[:5]]).update(status=Status.PENDING)
    html = admin_client.get(reverse("wagtailsnippets_comments_comment:list")).content.decode()
    _assert_escaped(html)
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    _assert_escaped(html)
    for comment in xss_comments[:6]:
        html = admin_client.get(
            reverse("wagtailsnippets_comments_comment:inspect", args=[comment.pk])
        ).content.decode()
        _assert_escaped(html)


def test_xss_escaped_in_the_no_javascript_error_page(post_comment, story):
    response = post_comment(story, json=False, email="", name=XSS[1], body=XSS[0])
    assert response.status_code == 400
    _assert_escaped(response.content.decode())


def test_xss_escaped_in_emails(
    story, make_comment, staff_user, roles, django_capture_on_commit_callbacks
):
    from comments.notifications import send_moderator_digest

    staff_user("kd", "Kiểm duyệt viên")
    for payload in XSS:
        make_comment(story, status=Status.PENDING, body=payload, author_name=payload[:100])
    with django_capture_on_commit_callbacks(execute=True):  # mail leaves once committed
        send_moderator_digest.enqueue()
    assert len(mail.outbox) == 1
    _assert_escaped(mail.outbox[0].alternatives[0][0])
    comment = Comment.objects.filter(status=Status.PENDING).first()
    with django_capture_on_commit_callbacks(execute=True):
        from comments.moderation import moderate

        moderate([comment], "approve", staff_user("admin", superuser=True))
    _assert_escaped(mail.outbox[-1].alternatives[0][0])
    assert "\n" not in mail.outbox[-1].subject


def test_email_absent_from_every_public_response(
    client, post_comment, story, news_index, make_comment, home_page
):
    parent = make_comment(story, author_email=SECRET, author_name="Chủ đề")
    make_comment(story, parent=parent, author_email=SECRET, body="Tự trả lời")
    responses = [
        post_comment(story, email=SECRET, body="Mới"),
        post_comment(story, email=SECRET, body="Lỗi", name=""),
        client.get(story.url),
        client.get(story.url, {"tra-loi": parent.pk}),
        client.get(news_index.url),
        client.get(home_page.url),
        client.get(reverse("comments:token", args=[story.pk])),
        client.get("/api/v2/pages/"),
        client.get("/sitemap.xml"),
    ]
    # The only response that shows the email is the sender's own form, given back with what
    # they typed after a refusal; it is never cached.
    own = post_comment(story, email=SECRET, body="Không JS", json=False, ip="192.0.2.9")
    assert own.status_code == 429 and SECRET in own.content.decode()
    assert "no-store" in own["Cache-Control"] and "private" in own["Cache-Control"]
    for n, response in enumerate(responses):
        assert SECRET not in response.content.decode(errors="replace"), n
        assert SECRET not in response.content.decode(errors="replace")
        assert SECRET.upper() not in response.content.decode(errors="replace").upper()


def test_export_and_erase_commands(story, make_comment, capsys):
    make_comment(story, author_email=SECRET, author_name="Người cần xóa", ip_address="203.0.113.0")
    make_comment(story, author_email="khac@example.invalid", author_name="Người khác")
    call_command("comments_export", SECRET.upper())
    data = json.loads(capsys.readouterr().out)["comments"]
    assert len(data) == 1 and data[0]["email"] == SECRET and data[0]["name"] == "Người cần xóa"
    call_command("comments_erase", SECRET)
    erased = Comment.objects.get(erased=True)
    assert (erased.ip_address, erased.user_agent) == ("", "")
    assert not Comment.objects.filter(author_email=SECRET).exists()
    assert Comment.objects.filter(author_name="Người khác").exists()
    make_comment(story, author_email=SECRET, body="Thêm lần nữa")
    call_command("comments_erase", SECRET, "--delete")
    assert not Comment.objects.filter(author_email=SECRET).exists()
    assert Comment.objects.count() == 2  # the other reader's comment and the first tombstone


def test_privacy_admin_action_is_logged(admin_client, story, make_comment):
    make_comment(story, author_email=SECRET)
    url = reverse("wagtailsnippets_comments_comment:privacy")
    response = admin_client.post(url, {"email": SECRET, "action": "export"})
    assert json.loads(response.content)["comments"][0]["email"] == SECRET
    response = admin_client.post(url, {"email": SECRET, "action": "erase"})
    assert response.status_code == 200  # confirmation missing: form again
    assert Comment.objects.filter(author_email=SECRET).exists()
    admin_client.post(url, {"email": SECRET, "action": "erase", "confirm": "on"})
    assert not Comment.objects.filter(author_email=SECRET).exists()
    assert ModelLogEntry.objects.filter(action="comments.export").count() == 1
    erase_log = ModelLogEntry.objects.get(action="comments.erase")
    assert SECRET not in json.dumps(erase_log.data) and SECRET not in erase_log.label


def test_ips_purged_after_n_days(story, make_comment, rules):
    old = make_comment(
        story,
        ip_address="203.0.113.0",
        user_agent="Firefox",
        created_at=timezone.now() - timedelta(days=40),
    )
    new = make_comment(story, ip_address="198.51.100.0", user_agent="Chrome")
    call_command("comments_purge_ips")
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.ip_address, old.user_agent) == ("", "")
    assert new.ip_address == "198.51.100.0"


# Permission matrix
ROLE_USERS = {
    "anonymous": None,
    "reporter": "Phóng viên",
    "editor": "Biên tập viên",
    "moderator": "Kiểm duyệt viên",
    "admin": "superuser",
}
CAN_MODERATE = {
    "anonymous": False,
    "reporter": False,
    "editor": False,
    "moderator": True,
    "admin": True,
}


@pytest.mark.parametrize("role", list(ROLE_USERS))
def test_permission_matrix(client, roles, staff_user, story, make_comment, role):
    group = ROLE_USERS[role]
    if group == "superuser":
        client.force_login(staff_user("admin", superuser=True))
    elif group:
        client.force_login(staff_user(role, group))
    comment = make_comment(story, status=Status.PENDING)
    allowed = CAN_MODERATE[role]
    listing = client.get(reverse("wagtailsnippets_comments_comment:list"))
    assert (listing.status_code == 200) is allowed
    inspect = client.get(reverse("wagtailsnippets_comments_comment:inspect", args=[comment.pk]))
    assert (inspect.status_code == 200) is allowed
    action = client.post(
        reverse("wagtailsnippets_comments_comment:moderate", args=[comment.pk, "approve"])
    )
    comment.refresh_from_db()
    assert (comment.status == Status.APPROVED) is allowed
    if not allowed:
        assert action.status_code in (302, 403)
    bulk = client.post(
        reverse("wagtail_bulk_action", args=("comments", "comment", "spam")) + f"?id={comment.pk}"
    )
    comment.refresh_from_db()
    assert (comment.status == Status.SPAM) is allowed, bulk.status_code
    privacy = client.get(reverse("wagtailsnippets_comments_comment:privacy"))
    assert (privacy.status_code == 200) is (role == "admin")


def test_moderators_can_do_nothing_else(client, roles, staff_user, news_index):
    client.force_login(staff_user("kd", "Kiểm duyệt viên"))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[news_index.pk])).status_code in (
        302,
        403,
    )
    assert client.get(
        reverse("wagtailadmin_pages:add_subpage", args=[news_index.pk])
    ).status_code in (302, 403)
    assert client.get(reverse("wagtailimages:index")).status_code in (302, 403)
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)


def test_roles_are_idempotent(roles):
    from django.contrib.auth.models import Group

    call_command("setup_roles")
    group = Group.objects.get(name="Kiểm duyệt viên")
    assert sorted(group.permissions.values_list("codename", flat=True)) == [
        "access_admin",
        "change_comment",
        "change_commentsettings",
        "view_comment",
    ]
