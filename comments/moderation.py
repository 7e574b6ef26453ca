"""Moderation actions shared by the bulk actions, the keyboard endpoint and the detail view.
Every change is written to Wagtail's audit log with who and when."""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.db.models.signals import post_delete
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from caching import content_versions

from . import notifications
from .models import Comment, Status

# Bumped when a comment row is deleted (inserts move the newest id): with the newest id it
# names the total number of comments, kept in the cache (`total_comments`).
DELETIONS_SCOPE = "comment-deletions"

ACTIONS = {
    "approve": (Status.APPROVED, _("Approve")),
    "reject": (Status.REJECTED, _("Reject")),
    "spam": (Status.SPAM, _("Spam")),
    "trash": (Status.TRASH, _("Trash")),
    "restore": (None, _("Restore")),
}


def status_counts(request=None):
    """How many comments are in each state (the queue's tabs); kept on the request so the
    admin menu's pending count and the paginator's total on the same page cost nothing more.

    Approved comments are most of them (about 80 % at 200,000): grouping every row by state
    reads the whole index (161 ms on SQLite at 200,000, EXPLAIN: SCAN ... COVERING INDEX).
    So the other states are counted each on its own index range (one query, UNION ALL:
    PostgreSQL answers each branch by an index-only scan, 2 ms for 20,000 pending, where an
    IN (...) list made it read the table, 170 ms) and the approved ones are the rest of the
    total (one more count, from the smallest index)."""
    if getattr(request, "_comment_status_counts", None) is not None:
        return request._comment_status_counts
    others = [status for status in Status.values if status != Status.APPROVED]
    per_state = [
        Comment.objects.order_by()
        .filter(status=status)
        .values_list("status")
        .annotate(n=Count("*"))  # COUNT(*): answered from the index alone (COUNT(id) is not)
        .values_list("status", "n")
        for status in others
    ]
    found = dict(per_state[0].union(*per_state[1:], all=True))
    found[Status.APPROVED] = total_comments() - sum(found.values())
    counts = {status: found.get(status, 0) for status in Status.values}
    if request is not None:
        request._comment_status_counts = counts
    return counts


def total_comments():
    """How many comment rows there are. Counting them reads a whole index (35-57 ms at
    200,000 on PostgreSQL, each time the queue is opened), so the count is kept in the cache
    under the newest comment's id (one index probe: any insert, bulk ones included, moves
    it) and a stamp bumped when a row is deleted (`post_delete`, sent for every deletion
    through the ORM: a page's cascade, the retention purge, an erasure). A status change
    leaves the total as it is."""
    newest = Comment.objects.order_by().aggregate(newest=Max("pk"))["newest"] or 0
    found = content_versions.stamps([DELETIONS_SCOPE])
    if found is None:  # no cache: count
        return Comment.objects.order_by().count()
    key = f"comments:total:{newest}:{found[DELETIONS_SCOPE]}"
    total = cache.get(key)
    if total is None:
        total = Comment.objects.order_by().count()
        cache.set(key, total, content_versions.TIMEOUT)
    return total


def _comment_deleted(sender, **kwargs):
    content_versions.bump(DELETIONS_SCOPE)


post_delete.connect(_comment_deleted, sender=Comment, dispatch_uid="comments_total_on_delete")


def pending_count(request):
    """The queue's page has counted every state already; other admin pages count only
    the pending comments (an indexed count)."""
    counts = getattr(request, "_comment_status_counts", None)
    if counts is not None:
        return counts[Status.PENDING]
    return Comment.objects.pending().count()


def menu_label(pending):
    """ "Bình luận (12)": the admin menu's label carries the number of comments waiting."""
    label = gettext("Comments")
    return f"{label} ({pending})" if pending else label


def queue_state():
    """What the queue's page shows around the rows, for updating it in place (JSON)."""
    counts = status_counts()
    return {
        "counts": {**counts, "all": sum(counts.values())},
        "menu_label": menu_label(counts[Status.PENDING]),
    }


def can_moderate(user):
    return bool(user and user.is_authenticated and user.has_perm("comments.change_comment"))


def target_status(comment, action):
    if action == "restore":
        if comment.status not in (Status.SPAM, Status.TRASH, Status.REJECTED):
            return None
        return comment.restore_target()
    return ACTIONS[action][0]


def moderate(comments, action, user):
    """Apply ``action`` to each comment; returns how many changed."""
    if action not in ACTIONS:
        raise ValueError(action)
    changed, approved, touched = 0, [], []
    with transaction.atomic():
        for comment in comments:
            target = target_status(comment, action)
            if target is None or not comment.set_status(target, user):
                continue
            comment.save(
                update_fields=["status", "previous_status", "moderated_by", "moderated_at"]
            )
            log(
                comment,
                f"comments.{action}",
                user=user,
                data={"from": comment.previous_status, "to": comment.status},
            )
            changed += 1
            touched.append(comment)
            if comment.status == Status.APPROVED:
                approved.append(comment.pk)
        if touched:  # replies below a hidden (or shown again) comment follow it
            Comment.refresh_visibility(touched)
    if approved:
        notifications.comments_approved(approved)
    return changed


def staff_reply(parent, user, body):
    """A published reply from the newsroom; approves the parent first if needed."""
    if parent.status != Status.APPROVED:
        moderate([parent], "approve", user)
    name = user.get_full_name() or user.get_username()
    reply = Comment(
        page=parent.page,
        parent=parent,
        thread=parent.thread or parent,
        depth=parent.depth + 1,
        author_name=name,
        author_email=user.email or "",
        body=body,
        status=Status.APPROVED,
        user=user,
        is_staff_reply=True,
        moderated_by=user,
    )
    try:
        with transaction.atomic():
            reply.save()
    except IntegrityError:
        return None
    log(reply, "comments.reply", user=user, data={"parent": parent.pk})
    notifications.comments_approved([reply.pk])
    return reply
