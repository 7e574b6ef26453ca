"""The site's form renderer writes Django's plain widgets in Python (base/form_renderer.py):
the same HTML, byte for byte, as Django's templates, for every value and attribute kind."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from base.form_renderer import SiteFormRenderer
from comments.forms import CommentForm

WIDGETS = [
    forms.TextInput(attrs={"autocomplete": "name", "maxlength": 80}),
    forms.EmailInput(),
    forms.HiddenInput(),
    forms.CheckboxInput(),
    forms.NumberInput(attrs={"min": 1}),
    forms.URLInput(),
    forms.PasswordInput(render_value=True),
    forms.Textarea(attrs={"rows": 5}),
]
VALUES = [
    None,
    "",
    "Nguyễn Văn A",
    "say \"hi\" <b> & 'bye'",
    mark_safe("<i>safe</i>"),
    0,
    7,
    True,
    False,
]
ATTRS = [
    None,
    {"required": True, "disabled": False, "aria-describedby": "a b", "data-x": None},
    {"id": "id_x", "class": 'c "q"', "tabindex": -1},
]


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda widget: type(widget).__name__)
def test_a_plain_widget_is_djangos_html_byte_for_byte(widget):
    for value in VALUES:
        for attrs in ATTRS:
            ours = widget.render("ten", value, attrs=attrs, renderer=SiteFormRenderer())
            djangos = widget.render("ten", value, attrs=attrs, renderer=DjangoTemplates())
            assert ours == djangos, (value, attrs)


@pytest.mark.django_db
def test_the_comment_form_is_djangos_html_with_or_without_errors():
    """The whole form (its layout templates are Django's, its widgets ours)."""
    data = {"name": 'A "B" <c>', "email": "không-phải-email", "body": "Ý kiến\n<script>x</script>"}
    for bound in (None, data):
        ours = CommentForm(data=bound, renderer=SiteFormRenderer())
        djangos = CommentForm(data=bound, renderer=DjangoTemplates())
        assert ours.as_div() == djangos.as_div()
        assert "<script>" not in ours.as_div()
        if bound:
            assert "&lt;script&gt;" in ours.as_div()
