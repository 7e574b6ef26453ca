"""Mail the site sends, kept until the mail server has taken it (see outbox/delivery.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


# Mail whose text is a key (a password-reset link): never shown in the admin, and emptied
# once the mail server has taken it (outbox/password_reset.py).
SECRET_KINDS = frozenset({"accounts.password_reset"})


class OutgoingMail(models.Model):
    kind = models.CharField(_("kind"), max_length=60, blank=True)
    to = models.EmailField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=255)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self):
        return f"{self.to}: {self.subject}"

    def get_text_display(self):
        """The text as the admin's inspect view shows it: never a secret link."""
        if self.kind in SECRET_KINDS:
            return _("(Not shown: this mail carries a password-reset link.)")
        return self.text
