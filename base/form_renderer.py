"""Django's form renderer, with its plain widgets written in Python.

Django renders every widget through templates: an <input> is input.html including attrs.html,
some 200 function calls, and the comment form under every story has seven of them. The
widgets below are written here exactly as those two templates write them (byte for byte:
tests/base/test_form_renderer.py renders each both ways); every other template, the forms'
own layouts and any widget of Wagtail's admin, is Django's.
"""

from html import escape

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData

_WIDGETS = "django/forms/widgets/"
# Django's widgets whose template is input.html and nothing else.
INPUT_TEMPLATES = {
    f"{_WIDGETS}{name}.html"
    for name in ("text", "email", "hidden", "checkbox", "number", "url", "password")
}
TEXTAREA_TEMPLATE = f"{_WIDGETS}textarea.html"


def _formatted(value):
    """`{{ value|stringformat:'s' }}`: the filter keeps a safe string safe, else escaped."""
    text = str(value)
    return text if isinstance(value, SafeData) else escape(text)


def _attributes(attrs):
    """attrs.html: each attribute in order, ` name` when True, left out when False."""
    written = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            written.append(f" {conditional_escape(name)}")
        else:
            written.append(f' {conditional_escape(name)}="{_formatted(value)}"')
    return "".join(written)


def input_html(widget):
    """input.html."""
    value = widget["value"]
    written = f' value="{_formatted(value)}"' if value is not None else ""
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{written}{_attributes(widget["attrs"])}>'
    )


def textarea_html(widget):
    """textarea.html (its newline after the opening tag included)."""
    value = widget["value"]
    return (
        f'<textarea name="{conditional_escape(widget["name"])}"{_attributes(widget["attrs"])}>\n'
        f"{conditional_escape(value) if value else ''}</textarea>"
    )


class SiteFormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES:
            return input_html(context["widget"]).strip()
        if template_name == TEXTAREA_TEMPLATE:
            return textarea_html(context["widget"]).strip()
        return super().render(template_name, context, request=request)
