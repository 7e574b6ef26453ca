"""The checks on a new comment, in WordPress's order.

1. comments closed → refused (403)
2. honeypot and signed form token → refused (400); then the fields (400), so a reader who
   sent an empty form at once learns what is missing; then the timestamp: too fast (400)
   a form token serves one submission: an honest retry gets the first answer, another
   comment on a used token is refused (409) with the text kept
3. flood limits per IP network and per email, claimed atomically (429, Retry-After); staff
   exempt; the database decides when the cache is down (comments/limits.py)
4. duplicate (409)
5. deny list → spam (staff included)
6. staff → approved (moderators never approve their own comments: a Plone complaint)
7. hold rules (links ≥ N, hold words) → pending
8. returning commenters (same name and email with an approved comment, if enabled) → approved
9. first-time commenters → pending (unless switched off)
Replies must answer an approved comment on the same page, within the depth limit (400).
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from caching.view_restrictions import is_unrestricted
from language.vietnamese import nfc
from security.client_ip import client_ip

from . import limits, notifications
from .forms import submission_key, token_age
from .models import Comment, CommentSettings, Status, body_fingerprint, truncate_ip

_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


@dataclass
class Refusal(Exception):
    code: int
    message: str
    errors: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)


def comments_enabled(page):
    return bool(getattr(page.specific, "comments_enabled", False))


def is_restricted(page):
    """Behind a password, a login or a group (its own or an ancestor's): such a page takes
    no comments, whoever may read it (a password shared with a few must not open a public
    thread, and a private page's readers are not the public the queue moderates)."""
    if is_unrestricted(page):
        return False
    return page.get_view_restrictions().exists()


def restricted_refusal():
    return Refusal(403, _("Pages with restricted access take no comments."))


def comments_closed(page, rules, now=None):
    if not rules.comments_open or not comments_enabled(page):
        return True
    if getattr(page.specific, "comments_closed", False):  # closed on this page alone
        return True
    if rules.close_after_days and page.first_published_at:
        now = now or timezone.now()
        return now - page.first_published_at > timedelta(days=rules.close_after_days)
    return False


def is_staff(user):
    return bool(
        user
        and user.is_authenticated
        and (user.is_staff or user.is_superuser or user.has_perm("comments.change_comment"))
    )


def _normalised(text):
    return nfc(text or "").casefold()


def matches(words, *texts):
    haystack = (
        "\n".join(_normalised(t) for t in texts) + "\n" + _normalised(strip_tags("\n".join(texts)))
    )
    return next((word for word in words if word and word in haystack), None)


def check_integrity(form_data, page, rules):
    """Honeypot and the token's signature; returns the form's age in seconds."""
    if (form_data.get("website") or "").strip():
        raise Refusal(400, _("Your comment could not be sent. Please try again."))
    token = form_data.get("token") or ""
    try:
        return token_age(token, page.pk, max_age=rules.max_form_age_hours * 3600)
    except signing.SignatureExpired as exc:
        raise Refusal(400, _("This form has expired. Please send your comment again.")) from exc
    except (signing.BadSignature, ValueError, IndexError) as exc:
        raise Refusal(400, _("Your comment could not be sent. Please try again.")) from exc


def check_speed(age, rules):
    if age < rules.min_seconds:
        raise Refusal(400, _("That was very fast. Please check your comment and send it again."))


def check_flood(ip, email, rules):
    try:
        limits.claim(ip, email, rules)
    except limits.Limited as limited:
        raise Refusal(
            429, limited.message, headers={"Retry-After": str(limited.retry_after)}
        ) from limited


def earlier_submission(key, page, data):
    """The comment already stored from this form token: the same comment again is a retry
    (answered as the first time); anything else on a used token is refused."""
    if not key:
        return None
    earlier = Comment.objects.filter(submission_key=key).first()
    if earlier is None:
        return None
    if (
        earlier.page_id == page.pk
        and earlier.author_email.lower() == data["email"].lower()
        and earlier.body_hash == body_fingerprint(data["body"])
    ):
        return earlier
    raise Refusal(
        409,
        _("This form has already been sent once. Your text is kept: please send it again."),
    )


def check_duplicate(page, email, body):
    if Comment.objects.filter(
        page=page, author_email__iexact=email, body_hash=body_fingerprint(body)
    ).exists():
        raise Refusal(409, _("You have already posted this comment."))


def decide_status(page, data, rules, user, raw_ip):
    name, email, body = data["name"], data["email"], data["body"]
    if matches(rules.deny_list, name, email, body, raw_ip):
        return Status.SPAM
    if is_staff(user):
        return Status.APPROVED
    if rules.max_links and len(_LINK.findall(body)) >= rules.max_links:
        return Status.PENDING
    if matches(rules.hold_list, name, email, body):
        return Status.PENDING
    if rules.trust_returning and (
        Comment.objects.approved()
        .for_email(email)
        .filter(author_name__iexact=name, is_staff_reply=False)
        .exists()
    ):
        return Status.APPROVED
    return Status.PENDING if rules.hold_first_comment else Status.APPROVED


def check_parent(page, parent_id, rules):
    if not parent_id:
        return None
    parent = Comment.objects.filter(pk=parent_id, page=page).first()
    if parent is None or not parent.visible or parent.erased:
        raise Refusal(400, _("You can only reply to a published comment."))
    if parent.depth >= rules.max_depth:
        raise Refusal(400, _("This thread cannot take more replies."))
    return parent


def submit(request, page, form):
    """Run every check on a bound CommentForm; returns the stored Comment or raises Refusal.

    A retry of a stored submission returns the stored comment (nothing is stored twice)."""
    rules = CommentSettings.for_request(request)
    if is_restricted(page):
        raise restricted_refusal()
    if comments_closed(page, rules):
        raise Refusal(403, _("Comments are closed on this page."))
    age = check_integrity(form.data, page, rules)
    if not form.is_valid():
        raise Refusal(
            400,
            _("Please correct the errors below."),
            {name: [str(e) for e in errors] for name, errors in form.errors.items()},
        )
    check_speed(age, rules)
    key = submission_key(form.data.get("token") or "")
    data = form.cleaned_data
    earlier = earlier_submission(key, page, data)
    if earlier is not None:
        return earlier
    user = request.user if request.user.is_authenticated else None
    raw_ip = client_ip(request)
    ip = truncate_ip(raw_ip)
    parent = check_parent(page, data.get("parent"), rules)
    staff = is_staff(user)
    if not staff:
        check_flood(ip, data["email"], rules)
    check_duplicate(page, data["email"], data["body"])
    status = decide_status(page, data, rules, user, raw_ip)
    comment = Comment(
        page=page,
        parent=parent,
        thread=(parent.thread or parent) if parent else None,
        depth=parent.depth + 1 if parent else 1,
        author_name=data["name"],
        author_email=data["email"],
        body=data["body"],
        status=status,
        ip_address=ip,
        user_agent=(request.META.get("HTTP_USER_AGENT") or "")[:255],
        user=user,
        notify_replies=data.get("notify_replies", False),
        is_staff_reply=staff,
        submission_key=key,
    )
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError as exc:
        earlier = earlier_submission(key, page, data)  # a retry that raced the first one
        if earlier is not None:
            return earlier
        raise Refusal(409, _("You have already posted this comment.")) from exc

    notifications.comment_stored(comment)
    return comment
