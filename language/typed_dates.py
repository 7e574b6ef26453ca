"""Dates typed into the admin's date pickers reach the form as typed.

Wagtail's pickers (jQuery xdsoft datetimepicker) check the field when it loses focus, against
the one display format (WAGTAIL_DATETIME_FORMAT, "05/12/2026 00:54"). Anything else — the ISO
"2026-12-05 00:54" people paste, a slip of the finger — was silently replaced by the browser's
current time, so "schedule" became "publish now". The server reads every form people write
(kontum_site/formats/: day first and ISO, in Asia/Ho_Chi_Minh) and answers an unreadable
date with a Vietnamese form error that keeps the text: the picker only has to leave it alone.

One place for every picker: the scheduling dialog, model date fields, StreamField date blocks
and listing filters all build their picker options from these widgets' `get_config`.
"""

from wagtail.admin.widgets.datetime import AdminDateInput, AdminDateTimeInput, AdminTimeInput

# xdsoft's own option: no rewrite of the field's text on blur.
KEEP_TYPED_TEXT = {"validateOnBlur": False}


def _keeping_typed_text(get_config):
    def config(self):
        return {**get_config(self), **KEEP_TYPED_TEXT}

    config.keeps_typed_text = True
    return config


def install():
    for widget in (AdminDateInput, AdminDateTimeInput, AdminTimeInput):
        if not getattr(widget.get_config, "keeps_typed_text", False):
            widget.get_config = _keeping_typed_text(widget.get_config)
