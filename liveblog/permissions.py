"""Who may do what on a live blog, from the desk's roles (liveblog/roles.py grants these).

- Post: `liveblog.add_liveupdate` and the right to add pages where the live blog is (the
  reporters of its desk, its desk heads, the editors).
- Edit or delete an update: its own author (who may still post), or a moderator.
- Pin, mark a key moment, end or reopen the blog: `liveblog.moderate_liveupdate` and the
  right to change the page (editors, the desk's heads, the editor-in-chief and deputies).
"""


def _page_permissions(user, page):
    cache = getattr(user, "_liveblog_page_permissions", None)
    if cache is None:
        cache = user._liveblog_page_permissions = {}
    if page.pk not in cache:
        cache[page.pk] = page.permissions_for_user(user)
    return cache[page.pk]


def may_post(user, page):
    if not user.is_active or not user.has_perm("liveblog.add_liveupdate"):
        return False
    if user.is_superuser:
        return True
    parent = page.get_parent()
    return parent is not None and parent.permissions_for_user(user).can_add_subpage()


def may_moderate(user, page):
    if not user.is_active or not user.has_perm("liveblog.moderate_liveupdate"):
        return False
    return _page_permissions(user, page).can_edit()


def may_change(user, update):
    if may_moderate(user, update.page):
        return True
    return update.author_id == user.pk and may_post(user, update.page)
