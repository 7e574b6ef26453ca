import hashlib
import re
import secrets
import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from language.vietnamese import nfc

TOKEN_SALT = "comments.form"
MAX_BODY = 5000
# Control characters except tab, newline and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069]")


def make_token(page_id, now=None):
    """A signed, timestamped form token for one submission on this page.

    The random part makes every token different, so a token can serve one submission only
    (see `submission_key`) while an honest retry of that submission is recognised."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    value = f"{page_id}.{secrets.token_urlsafe(9)}"
    if now is None:
        return signer.sign(value)
    # Tests and the token endpoint can build a token for a given moment.
    value = f"{value}{signer.sep}{signing.b62_encode(int(now))}"
    return f"{value}{signer.sep}{signer.signature(value)}"


def token_age(token, page_id, max_age):
    """Seconds since the form was made; raises signing.BadSignature on any tampering."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    value = signer.unsign(token, max_age=max_age)
    if value.split(".", 1)[0] != str(page_id):
        raise signing.BadSignature("token for another page")
    timestamp = signing.b62_decode(token.split(signer.sep)[-2])
    return time.time() - timestamp


def renewed_token(token, page_id, min_seconds, now=None):
    """The token for the form shown again after a refusal.

    The reader has been writing since the first form was made: the new token keeps that
    time, at most ``min_seconds`` back, so pressing send again is never "too fast" and
    never expires at once (a page cache may serve a form made hours ago). A token that is
    not ours, or for another page, starts afresh."""
    now = time.time() if now is None else now
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    try:
        value = signer.unsign(token or "")
        made = signing.b62_decode(token.split(signer.sep)[-2])
    except (signing.BadSignature, ValueError, IndexError):
        return make_token(page_id, now=now)
    if value.split(".", 1)[0] != str(page_id):
        return make_token(page_id, now=now)
    return make_token(page_id, now=max(made, now - min_seconds))


def submission_key(token):
    """What the stored comment remembers of its form token (one submission per token)."""
    return hashlib.sha256(token.encode()).hexdigest()


def clean_text(value):
    return _CONTROL.sub("", nfc(value or "")).strip()


class CommentForm(forms.Form):
    name = forms.CharField(
        label=pgettext_lazy("commenter", "Name"),
        max_length=100,
        error_messages={"required": _("Please enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Your email will not be shown publicly"),
        error_messages={
            "required": _("Please enter your email."),
            "invalid": _("Please enter a valid email address."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(
        label=_("Comment"),
        max_length=MAX_BODY,
        error_messages={
            "required": _("Please write your comment."),
            "max_length": _("Your comment is too long (at most %(limit_value)d characters)."),
        },
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    notify_replies = forms.BooleanField(
        label=_("Email me when someone replies (after it is approved)"), required=False
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    # Honeypot: hidden from people, filled in by bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "email", "body"):
            self.fields[name].widget.attrs["required"] = True

    def describe_errors(self):
        """Fields shown again with errors point at them (and at their help) for screen
        readers; the ids are the ones form.html gives the error and help texts."""
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_helptext"] if self.fields[name].help_text else []
            ids.append(f"{bound.auto_id}-error")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_body(self):
        body = clean_text(self.cleaned_data["body"])
        if not body:
            raise forms.ValidationError(_("Please write your comment."))
        return body
