"""The reader's tip form: text, contact, up to a few photos or one short video."""

import re

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from language.vietnamese import nfc

from .uploads import UploadRefused, check_upload

PHONE = re.compile(r"^\+?[0-9 .\-()]{8,20}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value):
    return _CONTROL.sub("", nfc(value or "")).strip()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,video/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class TipForm(forms.Form):
    text = forms.CharField(
        label=_("What happened?"),
        help_text=_("Where, when, who was there. Facts you saw or know first hand."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Please tell us what happened.")},
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact = forms.CharField(
        label=_("Email or phone number"),
        help_text=_("Only the newsroom sees it, to ask you more or check the facts."),
        max_length=200,
        error_messages={"required": _("Please give an email or a phone number.")},
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
    )
    files = MultipleFileField(
        label=_("Photos or a short video (optional)"),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I have read how the newsroom keeps and uses what I send."),
        error_messages={"required": _("Please confirm you have read the privacy notice.")},
    )
    # Left empty by people; filled by robots that fill every field.
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1"}))

    def clean_text(self):
        text = clean_text(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(_("Please tell us what happened."))
        return text

    def clean_name(self):
        return clean_text(self.cleaned_data.get("name"))

    def clean_contact(self):
        contact = clean_text(self.cleaned_data["contact"])
        if "@" in contact:
            try:
                validate_email(contact)
            except forms.ValidationError:
                raise forms.ValidationError(_("This email address does not look right.")) from None
            return contact.lower()
        if PHONE.match(contact) and sum(ch.isdigit() for ch in contact) >= 8:
            return contact
        raise forms.ValidationError(_("Please give an email or a phone number we can reach."))

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if len(files) > settings.TIPS_MAX_FILES:
            raise forms.ValidationError(
                _("Send at most %(count)d files.") % {"count": settings.TIPS_MAX_FILES}
            )
        if sum(upload.size for upload in files) > settings.TIPS_MAX_TOTAL_BYTES:
            raise forms.ValidationError(
                _("The files are too large together: at most %(mb)d MB.")
                % {"mb": settings.TIPS_MAX_TOTAL_BYTES // 1_000_000}
            )
        checked = []
        for upload in files:
            try:
                checked.append((upload, check_upload(upload)))
            except UploadRefused as refusal:
                raise forms.ValidationError(
                    "%(name)s: %(why)s", params={"name": upload.name, "why": refusal.message}
                ) from None
        if sum(1 for _upload, kind in checked if kind.startswith("video/")) > 1:
            raise forms.ValidationError(_("Send one video at most."))
        return checked

    def is_robot(self):
        return bool(self.data.get("website"))
