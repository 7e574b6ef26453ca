"""The admin's "forgot password" mail goes through the outbox, not straight to SMTP.

Django's form sends inside the request and, when the mail server is down, logs the failure
and loses the mail while the page says it was sent. Queued here, it is retried like every
other mail (outbox/delivery.py). Its link is a key to the account: once sent, the outbox
keeps no copy of it, and the admin screens never show it (OutgoingMail.get_text_display).

Anyone may ask for the mail, so it is limited: a few per address per hour (more requests
look the same to the requester and send nothing), so the form cannot flood a mailbox or
the outbox.
"""

import hashlib

from django.conf import settings
from django.template import loader
from wagtail.admin.forms.auth import PasswordResetForm

from security import rate_window

from . import delivery

KIND = "accounts.password_reset"
WINDOW = 3600


def _allowed(address):
    limit = getattr(settings, "PASSWORD_RESET_MAILS_PER_HOUR", 3)
    digest = hashlib.sha256(address.strip().casefold().encode()).hexdigest()[:32]
    count, _left = rate_window.hit(f"password-reset:{digest}", WINDOW)
    return not limit or count is None or count <= limit


class OutboxPasswordResetForm(PasswordResetForm):
    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        if not _allowed(to_email):
            return
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        text = loader.render_to_string(email_template_name, context)
        html = ""
        if html_email_template_name:
            html = loader.render_to_string(html_email_template_name, context)
        delivery.queue(to_email, subject, text, html, kind=KIND)
