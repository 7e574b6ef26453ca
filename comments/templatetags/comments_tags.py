from django import template
from django.utils.functional import SimpleLazyObject

from base.params import int_param

from ..checks import comments_closed, comments_enabled, is_restricted
from ..display import ORDER_PARAM, PAGE_PARAM, thread_page
from ..forms import CommentForm, make_token
from ..models import Comment, CommentSettings
from ..views import NOTICE_PARAM

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_section(context, page):
    """Usage in any page template: {% load comments_tags %}{% comments_section page %}"""
    request = context["request"]
    if not comments_enabled(page):
        return {"enabled": False}
    rules = CommentSettings.for_request(request)
    # Read only when the cached thread fragment is rendered (section.html).
    loaded = SimpleLazyObject(lambda: thread_page(request, page, rules))
    reply_to = None
    parent_id = int_param(request.GET.get("tra-loi"), None, minimum=1)
    if parent_id is not None:
        reply_to = (
            Comment.objects.visible()
            .filter(pk=parent_id, page=page, erased=False)
            .only("pk", "author_name", "depth")
            .first()
        )
    user = request.user
    initial = {"token": make_token(page.pk)}
    if user.is_authenticated:
        initial.update(name=user.get_full_name() or user.get_username(), email=user.email)
    if reply_to:
        initial["parent"] = reply_to.pk
    return {
        "enabled": True,
        "request": request,
        "settings": context.get("settings"),  # the site's settings (privacy page link)
        "page": page,
        "rules": rules,
        "threads": SimpleLazyObject(lambda: loaded[0]),
        "newest": SimpleLazyObject(lambda: loaded[1]),
        "page_number": request.GET.get(PAGE_PARAM, ""),
        "order": request.GET.get(ORDER_PARAM, ""),
        "order_param": ORDER_PARAM,
        "closed": comments_closed(page, rules),
        "restricted": is_restricted(page),
        "form": CommentForm(initial=initial),
        "reply_to": reply_to,
        "notice": request.GET.get(NOTICE_PARAM, ""),
    }


@register.inclusion_tag("comments/comment.html", takes_context=True)
def comment_item(context, comment):
    return {**context.flatten(), "comment": comment}


@register.simple_tag(takes_context=True)
def comments_query(context, key, value):
    """The current query string with ``key`` set (keys may contain hyphens), and no
    one-off notice or reply parameter."""
    params = context["request"].GET.copy()
    for transient in (NOTICE_PARAM, "tra-loi"):
        params.pop(transient, None)
    params[key] = value
    return "?" + params.urlencode()
