"""The moderation queue's cells, written in Python with the markup of Wagtail's cell templates.

The queue lists 50 rows of five cells; each cell was a template render (Wagtail's cell,
title, date and our status and page cells), with the row's buttons included through
`shared/buttons.html` and Laces' `{% component %}`, a URL reversed per button and per page
link, and the date through `{% human_readable_date %}` (an inclusion tag and four filters).
That was about half of a queue request at 200,000 comments (issue 26). The cells below
give the same elements, classes and attributes (moderation.js and Wagtail's tooltips and
dropdowns read them) and reverse each URL once per request.
"""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

# A number no URL of this site holds otherwise: reversed once, then replaced by each row's pk.
_MARK = "8642097531"


def row_url(request, name, pk, *args):
    """`reverse(name, args=[pk, *args])`, reversing once per request and name."""
    patterns = getattr(request, "_comment_url_patterns", None)
    if patterns is None:
        patterns = {}
        if request is not None:
            request._comment_url_patterns = patterns
    key = (name, args)
    if key not in patterns:
        patterns[key] = reverse(name, args=[_MARK, *args])
    return patterns[key].replace(_MARK, str(pk), 1)


def _td(column, inner, extra_class=""):
    classes = " ".join(part for part in (column.classname, extra_class) if part)
    if classes:
        return format_html('<td class="{}">{}</td>', classes, inner)
    return format_html("<td>{}</td>", inner)


def attrs_html(attrs):
    """wagtailadmin/shared/attrs.html: ` name="value"`, a bare name for True, none for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(format_html(" {}", name))
        else:
            parts.append(format_html(' {}="{}"', name, str(value)))
    return mark_safe("".join(parts))


class QueueTitleColumn(TitleColumn):
    """The comment's excerpt linked to its detail view, the comment it answers (for a reply),
    and the row's buttons (wagtailadmin/tables/title_cell.html with our `extra` block)."""

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        value = context["value"]
        if context.get("title_id"):
            title = format_html('<span id="{}">{}</span>', context["title_id"], value)
        else:
            title = conditional_escape(value)
        if context.get("link_url"):
            title = format_html("<a{}>{}</a>", attrs_html(context["link_attrs"]), title)
        elif context.get("label_id"):
            title = format_html('<label for="{}">{}</label>', context["label_id"], title)
        parent = instance.parent
        reply = ""
        if parent:
            reply = format_html(
                '<p class="comments-in-reply" data-comment-parent="{}">↳ {} <q>{}</q></p>',
                parent.pk,
                _("In reply to %(name)s:") % {"name": parent.author_name},
                parent.excerpt(),
            )
        buttons = [button for button in context.get("buttons") or () if button.show]
        actions = ""
        if buttons:
            actions = format_html(
                '<ul class="actions">{}</ul>',
                mark_safe(
                    "".join(
                        format_html("<li>{}</li>", button.render_html(parent_context))
                        for button in buttons
                    )
                ),
            )
        inner = format_html('<div class="title-wrapper">{}</div>{}{}', title, reply, actions)
        return _td(self, inner, "title")


class QueueColumn(Column):
    """wagtailadmin/tables/cell.html."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if value is not None and not str(value).strip():
            value = self.empty_value_display
        return _td(self, "" if value is None else conditional_escape(value))


class QueuePageColumn(Column):
    """The page commented on, linked to its editor."""

    def render_cell_html(self, instance, parent_context):
        page = self.get_value(instance)
        if not page:
            return _td(self, "")
        url = row_url(parent_context.get("request"), "wagtailadmin_pages:edit", page.pk)
        return _td(self, format_html('<a href="{}">{}</a>', url, page.title))


class QueueStatusColumn(Column):
    """The status text, marked so the queue's script can change it after an action."""

    def render_cell_html(self, instance, parent_context):
        return _td(
            self,
            format_html(
                '<span data-comment-status="{}">{}</span>',
                instance.status,
                self.get_value(instance),
            ),
        )


class QueueDateColumn(DateColumn):
    """wagtailadmin/tables/date_cell.html: `{% human_readable_date %}`'s button and tooltip."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if not value:
            return _td(self, "")
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        tooltip_format = formats.get_format("DATETIME_FORMAT") or "N j, Y, P"
        inner = format_html(
            '<button type="button" class="w-human-readable-date" data-controller="w-tooltip"'
            ' data-w-tooltip-content-value="{}" data-w-tooltip-placement-value="top">'
            '<time class="w-human-readable-date__date" datetime="{}">{}</time></button>',
            formats.date_format(local, tooltip_format),
            formats.date_format(local, "c"),
            capfirst(timesince_simple(value)),
        )
        return _td(self, inner)
