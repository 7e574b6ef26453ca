"""A reader comments, a moderator approves from the queue by keyboard, the comment shows."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_story(make_story):
    from wagtail.models import Site

    from comments.models import CommentSettings

    rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    rules.min_seconds = 0  # the browser types faster than a person
    rules.flood_seconds = 0
    rules.save()
    return make_story(title="Hội nghị biểu dương điển hình tiên tiến")


@pytest.fixture
def moderator(news_index, staff_user):
    from django.core.management import call_command

    call_command("setup_roles")
    return staff_user("kiemduyet", "Kiểm duyệt viên")


def _post(page, name, email, body):
    form = page.locator("#binh-luan-form")
    form.get_by_label("Họ tên").fill(name)
    form.get_by_label("Email", exact=False).first.fill(email)
    form.locator("textarea[name=body]").fill(body)
    form.get_by_role("button", name="Gửi bình luận").click()


def test_reader_posts_moderator_approves_by_keyboard_comment_shows(
    page, live_server, open_story, moderator, screenshot_dir
):
    from comments.models import Comment, Status

    story_url = live_server.url + open_story.url
    page.goto(story_url)
    _post(
        page,
        "Trần Văn Bình",
        "binh@example.invalid",
        "Bài viết rất hữu ích <script>alert(1)</script>",
    )
    notice = page.locator(".comments__notice")
    notice.wait_for()
    assert "đang chờ kiểm duyệt" in notice.inner_text()
    assert page.url == story_url  # no reload
    page.screenshot(path=f"{screenshot_dir}/comments-pending.png", full_page=True)

    # An error keeps the text and shows beside the field.
    _post(page, "Y Nhung", "không-phải-email", "Ý kiến thứ hai")
    page.locator('[data-error-for="email"]').wait_for()
    assert "email hợp lệ" in page.locator('[data-error-for="email"]').inner_text()
    assert page.locator("textarea[name=body]").input_value() == "Ý kiến thứ hai"
    page.locator("#binh-luan-form").get_by_label("Email", exact=False).first.fill(
        "nhung@example.invalid"
    )
    page.get_by_role("button", name="Gửi bình luận").click()
    page.wait_for_function(
        "() => document.querySelector('.comments__notice')"
        " && !document.querySelector('.comment-form__error')"
    )
    assert Comment.objects.filter(status=Status.PENDING).count() == 2

    # The moderator clears the queue without a mouse.
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "kiemduyet")
    page.fill("input[name=password]", "pw")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + "/admin/snippets/comments/comment/?status=pending")
    page.locator("table.listing tbody tr").first.wait_for()
    page.screenshot(path=f"{screenshot_dir}/comments-queue.png", full_page=True)
    for key in ["j", "x", "j", "x"]:
        page.keyboard.press(key)
    page.screenshot(path=f"{screenshot_dir}/comments-selected.png", full_page=True)
    page.keyboard.press("Shift+A")
    # In place: both rows now read "Đã duyệt", nothing is left pending.
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-comment-status]')]"
        ".every(el => el.textContent === 'Đã duyệt')"
    )
    assert page.locator('[data-state-count="pending"]').inner_text() == "(0)"
    assert Comment.objects.filter(status=Status.APPROVED).count() == 2
    assert {c.moderated_by_id for c in Comment.objects.all()} == {moderator.pk}

    page.goto(story_url)
    bodies = page.locator(".comment__body").all_inner_texts()
    assert bodies == ["Bài viết rất hữu ích <script>alert(1)</script>", "Ý kiến thứ hai"]
    assert "binh@example.invalid" not in page.content()
    page.screenshot(path=f"{screenshot_dir}/comments-published.png", full_page=True)


def test_reply_opens_the_form_under_the_comment(page, live_server, open_story):
    from comments.models import Comment, Status

    root = Comment.objects.create(
        page=open_story,
        author_name="A Thuận",
        author_email="thuan@example.invalid",
        body="Khi nào tổ chức?",
        status=Status.APPROVED,
    )
    page.goto(live_server.url + open_story.url)
    page.get_by_role("link", name="Trả lời").click()
    assert page.locator(f"#binh-luan-{root.pk} #binh-luan-form").count() == 1
    _post(page, "Lê Hoa", "hoa@example.invalid", "Sáng thứ Bảy ạ")
    page.locator(".comments__notice").wait_for()
    reply = Comment.objects.get(parent=root)
    assert (reply.depth, reply.status) == (2, Status.PENDING)
    # Reply mode ends: the next comment is a top-level one.
    assert page.locator(f"#binh-luan-{root.pk} #binh-luan-form").count() == 0
    assert page.locator("[data-replying]").is_hidden()
    assert page.locator("#binh-luan-form input[name=parent]").input_value() == ""
    assert "đang chờ kiểm duyệt" in page.locator(".comments__notice").inner_text()


def test_one_click_in_the_row_moderates_that_comment(
    page, live_server, open_story, moderator, screenshot_dir, make_story
):
    """The moderator's day: the queue, one click per comment, and the page filter's chooser,
    which shows them live pages only (never a desk's draft titles)."""
    from comments.models import Comment, Status

    draft = make_story(title="Bản nháp chưa duyệt của ban Thời sự", publish=False)

    asked = Comment.objects.create(
        page=open_story,
        author_name="A Thuận",
        author_email="thuan@example.invalid",
        body="Khi nào tổ chức hội nghị?",
        status=Status.APPROVED,
    )
    keep, drop = (
        Comment.objects.create(
            page=open_story,
            author_name=name,
            author_email=f"{n}@example.invalid",
            body=body,
            status=Status.PENDING,
            **extra,
        )
        for n, (name, body, extra) in enumerate(
            [
                ("Y Hoa", "Ý kiến xây dựng", {"parent": asked, "thread": asked, "depth": 2}),
                ("Máy quảng cáo", "Mua ngay giá rẻ", {}),
            ]
        )
    )
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "kiemduyet")
    page.fill("input[name=password]", "pw")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + "/admin/snippets/comments/comment/?status=pending")
    keep_row = page.locator("tr", has_text="Ý kiến xây dựng")
    drop_row = page.locator("tr", has_text="Mua ngay giá rẻ")
    # A reply shows what it answers.
    assert "Trả lời A Thuận: Khi nào tổ chức hội nghị?" in keep_row.inner_text()
    menu = page.locator('.sidebar-menu-item__link[href$="/snippets/comments/comment/"]')
    assert "Bình luận (2)" in menu.inner_text()
    keep_row.get_by_role("link", name="Duyệt", exact=False).first.click()
    keep_row.locator(".comments-row-done").wait_for()
    # Without a reload: the row's status, the tabs' counts and the menu's count.
    assert keep_row.locator("[data-comment-status]").inner_text() == "Đã duyệt"
    assert page.locator('[data-state-count="pending"]').inner_text() == "(1)"
    assert page.locator('[data-state-count="approved"]').inner_text() == "(2)"
    assert "Bình luận (1)" in menu.inner_text()
    drop_row.locator('[data-comment-action="spam"]').click()
    drop_row.locator(".comments-row-done").wait_for()
    assert drop_row.locator("[data-comment-status]").inner_text() == "Thư rác"
    assert page.locator('[data-state-count="pending"]').inner_text() == "(0)"
    assert menu.inner_text().strip() == "Bình luận"
    page.screenshot(path=f"{screenshot_dir}/comments-row-actions.png", full_page=True)
    keep.refresh_from_db()
    drop.refresh_from_db()
    assert (keep.status, drop.status) == (Status.APPROVED, Status.SPAM)
    assert keep.moderated_by_id == drop.moderated_by_id == moderator.pk

    page.get_by_role("button", name="Hiện bộ lọc").click()
    page.locator("button[aria-controls='drilldown-id_page']").click()
    page.locator("#id_page-chooser .unchosen button").click()
    chooser = page.locator("body > .modal .modal-body")
    search = chooser.locator("input[name=q]")
    search.fill(open_story.title)
    chooser.get_by_text(open_story.title).first.wait_for()
    search.fill(draft.title)
    chooser.get_by_text("Có 0 kết quả").wait_for()
    assert draft.title not in chooser.inner_text()


def test_the_comment_box_says_when_the_limit_is_reached(page, live_server, open_story):
    from comments.forms import MAX_BODY

    page.goto(live_server.url + open_story.url)
    box = page.locator("textarea[name=body]")
    box.fill("a" * (MAX_BODY - 10))
    box.press("a")
    counter = page.locator("[data-char-count]")
    assert "9" in counter.inner_text() and "ký tự" in counter.inner_text()
    box.fill("a" * MAX_BODY)
    box.press("a")  # the browser keeps the limit; the reader is told why
    assert "giới hạn" in counter.inner_text()
    assert len(box.input_value()) == MAX_BODY


def test_the_phone_menu_shows_every_section_and_there_is_a_favicon(page, live_server, open_story):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/")
    page.get_by_text("Chuyên mục", exact=True).click()  # the phone menu opens (issue 22)
    for link in page.locator(".site-nav__list a").all():
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, link.inner_text()
    assert page.request.get(live_server.url + "/favicon.ico").ok
