"""The comments readers see on a page, threaded, in a fixed number of queries.

What readers see, and what every count counts, is one rule (`Comment.visible`): an approved
comment whose every ancestor is approved. Rejecting, trashing or marking a comment as spam
hides the replies below it too, on the page and in every count; restoring it shows them
again. A comment erased at its author's request stays as a tombstone so the replies keep
their place, but no count includes it.
"""

from collections import defaultdict

from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.translation import ngettext

from base.params import int_param
from base.statements import Statement

from .models import Comment

PAGE_PARAM = "trang-binh-luan"
ORDER_PARAM = "thu-tu"


def thread_page(request, page, rules):
    """A page of top-level threads with every approved reply attached as ``children``."""
    order = request.GET.get(ORDER_PARAM)
    newest = order == "moi-nhat" if order in ("moi-nhat", "cu-nhat") else rules.newest_first
    ordering = ("-created_at", "-pk") if newest else ("created_at", "pk")
    # Both counts in one query; the paginator reuses the top-level one (tombstones keep
    # their thread on the page but are not counted as comments).
    found = COUNTS(page=page.pk)
    counts = found[0] if found else {"total": 0, "top": 0}
    if not counts["top"]:  # most stories: no thread to read, nothing to build
        threads = Paginator([], rules.per_page or 20).page(1)
        threads.total = counts["total"]
        return threads, newest
    top = Comment.objects.visible().filter(page=page, parent__isnull=True)
    paginator = Paginator(top.order_by(*ordering), rules.per_page or 20)
    paginator.__dict__["count"] = counts["top"]  # Paginator.count is a cached_property
    number = int_param(request.GET.get(PAGE_PARAM), 1, minimum=1)
    threads = paginator.page(min(number, paginator.num_pages))
    threads.total = counts["total"]
    # Roots and replies in one query, the same for 1 comment and 500 (none when the count
    # says there is no thread: most stories).
    start = (threads.number - 1) * threads.paginator.per_page
    root_ids = top.order_by(*ordering).values("pk")[start : start + threads.paginator.per_page]
    rows = list(
        Comment.objects.visible()
        .filter(page=page)
        .filter(Q(pk__in=root_ids) | Q(thread__in=root_ids))
        .order_by("created_at", "pk")
        .defer(*PRIVATE)
    )
    roots = [c for c in rows if c.parent_id is None]
    if newest:
        roots.reverse()
    replies = [c for c in rows if c.parent_id is not None]
    children = defaultdict(list)
    for reply in replies:
        children[reply.parent_id].append(reply)

    def attach(comment):
        comment.children = children.get(comment.pk, [])
        for child in comment.children:
            attach(child)

    for root in roots:
        attach(root)
    threads.object_list = roots
    return threads, newest


PRIVATE = ("author_email", "ip_address", "user_agent")

# A page's visible comments and its visible threads, read by every render of a story from
# nothing: a compiled statement (base/statements.py). No row when it has none.
COUNTS = Statement(
    lambda *, page: (
        Comment.objects.visible()
        .filter(page_id=page)
        .values("page_id")
        .annotate(
            total=Count("pk", filter=Q(erased=False)),
            top=Count("pk", filter=Q(parent__isnull=True)),
        )
        .values("total", "top")
    )
)


def visible_count(page):
    return Comment.objects.counted().filter(page=page).count()


def with_comment_counts(queryset):
    """Annotate pages with ``approved_comment_count`` in the same query (listings)."""
    counts = (
        Comment.objects.counted()
        .filter(page=OuterRef("pk"))
        .order_by()
        .values("page")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        approved_comment_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))
    )


def count_link(page_url, count):
    """The " · 3 bình luận" link of a listing's card to the page's comments, or "" for none
    (news/cards.py writes it into its cards)."""
    if not count:
        return ""
    text = ngettext("%(counter)s comment", "%(counter)s comments", count) % {"counter": count}
    return format_html(
        ' · <a class="story-card__comments" href="{}#binh-luan">{}</a>', page_url, text
    )
