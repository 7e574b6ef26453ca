"""One add form, one page, whatever the speed.

Wagtail's autosave creates the page from the add form as soon as a title is typed; only when
its answer is back does the browser send the form to the new page's edit view. A save, a
schedule or a publication sent from the add form meanwhile created a second page ("slug
already in use" on a brand-new story, drafts left behind). Each add form carries a key of its
own (static/drafts/js/new_page_entry.js); the first request with that key creates the page,
and every later one — or one sent while the first is still running — goes to that page's
edit view instead, as the browser would have sent it a moment later.
"""

import re
import time

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import resolve, reverse

from .models import NewPageEntry

FIELD = "new_page_entry"
KEY = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# How long a request waits for the one that is creating the page (a create takes well under
# a second; a busy server is given more).
WAIT_SECONDS = 30
POLL_SECONDS = 0.1
GATED = "_new_page_entry_gated"
CREATED = "_new_page_entry_created"


def entry_key(request):
    key = request.POST.get(FIELD, "") if request.method == "POST" else ""
    return key if KEY.match(key) else None


def _claim(key, user):
    try:
        with transaction.atomic():
            NewPageEntry.objects.create(key=key, user=user)
    except IntegrityError:
        return False
    return True


def _page_made_for(key, user):
    """The page made from this add form, waiting for the request that is making it; None when
    there is none (then the key is ours now, or the wait ran out)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        entry = NewPageEntry.objects.filter(key=key).first()
        if entry is None:
            if _claim(key, user):
                return None
            continue
        if entry.user_id != user.pk:
            raise PermissionDenied
        if entry.page_id:
            return entry.page_id
        time.sleep(POLL_SECONDS)
    return None


def _create(request, key):
    """Wagtail's create view, run for this request; the key is let go if no page came of it
    (a form error), so the next save from the form creates it."""
    setattr(request, CREATED, None)
    match = request.resolver_match
    try:
        return match.func(request, *match.args, **match.kwargs)
    finally:
        if getattr(request, CREATED, None) is None:
            NewPageEntry.objects.filter(key=key, page=None).delete()


def _edit(request, page_id):
    match = resolve(reverse("wagtailadmin_pages:edit", args=(page_id,)))
    return match.func(request, *match.args, **match.kwargs)


def create_once(request):
    """For the `before_create_page` hook: a response, or None to let Wagtail go on."""
    if getattr(request, GATED, False):
        return None
    key = entry_key(request)
    if key is None:
        return None
    setattr(request, GATED, True)
    if _claim(key, request.user):
        return _create(request, key)
    page_id = _page_made_for(key, request.user)
    if page_id is None:
        return _create(request, key)
    return _edit(request, page_id)


def page_created(request, page):
    """For the `after_create_page` hook: the add form's key now leads to this page."""
    key = entry_key(request)
    if key is not None and hasattr(request, CREATED):
        setattr(request, CREATED, page)
        NewPageEntry.objects.filter(key=key).update(page=page)
