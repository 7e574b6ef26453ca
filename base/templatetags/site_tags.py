from django import template
from django.utils.http import urlencode

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, current_title=None, current_label=None):
    page = page or context.get("page")
    crumbs = list(page.get_breadcrumbs()) if page is not None and page.depth > 2 else []
    # current_label: the interface's word before a Vietnamese current_title ("Topic: …").
    return {
        "crumbs": crumbs,
        "page": page,
        "current_title": current_title,
        "current_label": current_label,
        "request": context.get("request"),  # {% pageurl %} reads the site's root paths once
    }


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = urlencode(sorted((k, v) for k in params for v in params.getlist(k)))
    return f"?{encoded}" if encoded else "?"
