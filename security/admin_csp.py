"""The Wagtail admin under a Content-Security-Policy with no inline scripts.

Wagtail 8 still starts its model choosers (page, image, document, snippet, media, task)
with an inline `<script>` after the widget, and a few templates do the same (date and time
pickers, inline panels; overridden in `editorial/templates/`). Under the site's policy
(security_headers.py) those would not run: the chooser buttons and date pickers would be
dead. Here each start-up becomes a hidden element with the constructor or function and its
arguments as data, which `kontum_site/admin/start_widgets.js` (on every admin page) runs,
also in content Wagtail adds later (a modal, an inline panel's new form).
"""

import json
import logging

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser

logger = logging.getLogger(__name__)

_original_render = BaseChooser.render


def starter(kind, name, *args):
    """A hidden element that start_widgets.js turns into `new name(*args)` ("new") or
    `name(*args)` ("call")."""
    return format_html(
        '<div hidden data-kontum-{}="{}" data-kontum-args="{}"></div>',
        kind,
        name,
        json.dumps(list(args)),
    )


def _chooser_starter(widget, id_, name, value_data):
    own_init = type(widget).render_js_init
    if own_init is BaseChooser.render_js_init:
        options = widget.get_js_init_options(id_, name, value_data)
        return starter("new", widget.js_constructor, id_, options)
    # Choosers that start with a global function of one argument, the widget's id.
    function = CHOOSER_FUNCTIONS.get(f"{type(widget).__module__}.{type(widget).__qualname__}")
    if function is None:
        for base in type(widget).__mro__:
            function = CHOOSER_FUNCTIONS.get(f"{base.__module__}.{base.__qualname__}")
            if function:
                break
    if function is None:
        return None
    return starter("call", function, id_)


CHOOSER_FUNCTIONS = {
    "wagtailmedia.widgets.AdminMediaChooser": "createMediaChooser",
    "wagtail.admin.widgets.workflows.AdminTaskChooser": "createTaskChooser",
}


def render_chooser(self, name, value, attrs=None, renderer=None):
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as error:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from error
    value_data = self.get_value_data(value)
    start = _chooser_starter(self, id_, name, value_data)
    if start is None:  # unknown start-up code: keep Wagtail's (the policy will report it)
        logger.warning("%s starts with an inline script", type(self).__qualname__)
        return _original_render(self, name, value, attrs, renderer)
    return mark_safe(self.render_html(name, value_data, attrs) + start)  # noqa: S308


def install():
    BaseChooser.render = render_chooser


def global_admin_js():
    return format_html('<script src="{}"></script>', static("kontum_site/admin/start_widgets.js"))
