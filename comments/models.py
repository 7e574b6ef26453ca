"""Public comments on any page that opts in (``comments_enabled`` on the specific page).

The app depends on Wagtail's Page only. The email is private: it never leaves the admin.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import register_setting

from caching.cached_settings import CachedSiteSetting
from language.vietnamese import nfc
from security.client_ip import network as truncate_ip  # noqa: F401 (the stored network)


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")
    TRASH = "trash", _("Trash")


def body_fingerprint(body):
    text = " ".join(nfc(body or "").casefold().split())
    return hashlib.sha256(text.encode()).hexdigest()


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Status.APPROVED)

    def pending(self):
        return self.filter(status=Status.PENDING)

    def for_email(self, email):
        return self.filter(author_email__iexact=(email or "").strip())

    def visible(self):
        """What readers see: approved, and every comment above it approved too."""
        return self.filter(visible=True)

    def counted(self):
        """What a comment count counts: visible, and not erased at its author's request."""
        return self.filter(visible=True, erased=False)


class Comment(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="public_comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    thread = models.ForeignKey(
        "self",
        verbose_name=_("thread"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread_comments",
        help_text=_("The top-level comment of this thread (empty for top-level comments)."),
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=1)
    author_name = models.CharField(pgettext_lazy("commenter", "name"), max_length=100)
    author_email = models.EmailField(_("email"), max_length=254, help_text=_("Private."))
    body = models.TextField(_("comment"))
    body_hash = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    previous_status = models.CharField(
        _("previous status"), max_length=10, choices=Status.choices, blank=True
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    ip_address = models.CharField(_("IP network"), max_length=45, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=255, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_comments",
    )
    is_staff_reply = models.BooleanField(_("staff reply"), default=False)
    # Derived (see `save` and `refresh_visibility`): approved with an approved chain above.
    # A reply under a rejected, spam, trashed or pending comment is hidden and not counted.
    visible = models.BooleanField(_("shown to readers"), default=False, editable=False)
    erased = models.BooleanField(_("erased on request"), default=False, editable=False)
    notify_replies = models.BooleanField(_("notify me of replies"), default=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    # The form token's digest: one submission per token, a retried one is stored once.
    submission_key = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )
    moderators_notified = models.BooleanField(default=False, editable=False)
    approval_notified = models.BooleanField(default=False, editable=False)
    # The outbox mails that quote this comment (to moderators, reporters, the parent
    # commenter): erasure redacts them and the export lists them (comments/privacy.py).
    mails = models.ManyToManyField(
        "outbox.OutgoingMail", related_name="comments", blank=True, editable=False
    )

    objects = CommentQuerySet.as_manager()

    # Status changes go through the moderation actions (logged, undoable), not the edit form.
    panels = [
        FieldPanel("author_name"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="comment_queue_idx"),
            models.Index(fields=["page", "status", "created_at"], name="comment_page_idx"),
            models.Index(fields=["thread", "status", "created_at"], name="comment_thread_idx"),
            models.Index(fields=["author_email", "status"], name="comment_email_idx"),
            models.Index(fields=["created_at"], name="comment_created_idx"),
            models.Index(fields=["status", "moderators_notified"], name="comment_notify_idx"),
            models.Index(fields=["page", "visible", "created_at"], name="comment_visible_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "author_email", "body_hash"], name="comment_no_duplicates"
            )
        ]

    def __str__(self):
        return f"{self.author_name}: {self.excerpt()}"

    def save(self, *args, **kwargs):
        self.body_hash = body_fingerprint(self.body)
        self.visible = self.status == Status.APPROVED and (
            self.parent_id is None or self.parent.visible
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" in update_fields:
            kwargs["update_fields"] = {*update_fields, "visible"}
        super().save(*args, **kwargs)

    def excerpt(self, length=80):
        """The first ``length`` characters, whitespace collapsed. Reads only the start of the
        body when that is enough: a prefix of the body collapses to a prefix of the whole
        collapsed text, so when it is already longer than ``length`` the cut is the same
        (the queue asks six excerpts per row, of bodies up to 5,000 characters)."""
        body = self.body or ""
        head = " ".join(body[: 4 * length].split())
        text = head if len(head) > length or len(body) <= 4 * length else " ".join(body.split())
        return text if len(text) <= length else text[: length - 1].rstrip() + "…"

    excerpt.short_description = _("comment")

    @property
    def anchor(self):
        return f"binh-luan-{self.pk}"

    def set_status(self, status, user=None):
        """Move to ``status``, remembering the previous one so spam and trash can be undone."""
        if status == self.status:
            return False
        self.previous_status = self.status
        self.status = status
        self.moderated_by = user if user and user.is_authenticated else None
        self.moderated_at = timezone.now()
        return True

    @staticmethod
    def refresh_visibility(roots):
        """Recompute `visible` down the threads of these top-level comments (after a status
        change: hiding a comment hides the replies below it). Returns how many changed."""
        root_ids = {root.thread_id or root.pk for root in roots}
        rows = list(
            Comment.objects.filter(models.Q(pk__in=root_ids) | models.Q(thread__in=root_ids))
            .order_by("depth", "pk")
            .only("pk", "parent_id", "status", "visible")
        )
        shown = {}
        changed = []
        for row in rows:
            visible = row.status == Status.APPROVED and (
                row.parent_id is None or shown.get(row.parent_id, False)
            )
            shown[row.pk] = visible
            if visible != row.visible:
                row.visible = visible
                changed.append(row)
        Comment.objects.bulk_update(changed, ["visible"])
        return len(changed)

    def restore_target(self):
        """Where "restore" leads: back to the state before spam/trash, else pending."""
        if self.previous_status and self.previous_status not in (Status.SPAM, Status.TRASH):
            return self.previous_status
        return Status.PENDING


@register_setting(icon="comment")
class CommentSettings(CachedSiteSetting):
    """Rules for public comments, editable by moderators (Settings → Comment rules)."""

    comments_open = models.BooleanField(_("comments open"), default=True)
    close_after_days = models.PositiveIntegerField(
        _("close after (days)"),
        default=0,
        help_text=_("Close comments this many days after publication. 0: never."),
    )
    min_seconds = models.PositiveIntegerField(
        _("minimum seconds to write"),
        default=3,
        help_text=_("Forms sent faster than this are refused as bots."),
    )
    max_form_age_hours = models.PositiveIntegerField(_("form expires after (hours)"), default=48)
    flood_seconds = models.PositiveIntegerField(
        _("seconds between comments"),
        default=15,
        help_text=_("From one IP network or one email address. Staff are exempt."),
    )
    max_per_minute = models.PositiveIntegerField(_("comments per minute per IP network"), default=3)
    max_links = models.PositiveIntegerField(
        _("hold with this many links"), default=2, help_text=_("0: never hold for links.")
    )
    hold_words = models.TextField(
        _("hold words"),
        blank=True,
        help_text=_("One word or phrase a line; a comment containing one waits for review."),
    )
    deny_words = models.TextField(
        _("deny list"),
        blank=True,
        help_text=_(
            "One word, phrase, email address or IP a line; a matching comment goes to spam."
        ),
    )
    hold_first_comment = models.BooleanField(
        _("hold first-time commenters"),
        default=True,
        help_text=_("Off: every comment that passes the checks is published at once."),
    )
    trust_returning = models.BooleanField(
        _("publish returning commenters"),
        default=True,
        help_text=_("Publish at once when the name and email already have an approved comment."),
    )
    max_depth = models.PositiveSmallIntegerField(_("reply depth limit"), default=5)
    per_page = models.PositiveSmallIntegerField(_("threads per page"), default=20)
    newest_first = models.BooleanField(_("newest first"), default=False)
    notify_moderators = models.BooleanField(_("email moderators"), default=True)
    moderator_emails = models.TextField(
        _("moderator addresses"),
        blank=True,
        help_text=_("One a line. Empty: the members of the moderators group."),
    )
    digest_minutes = models.PositiveIntegerField(
        _("digest window (minutes)"),
        default=10,
        help_text=_("At most one email to moderators per window; later comments join a digest."),
    )
    notify_authors = models.BooleanField(_("email the story's reporters on approval"), default=True)
    ip_retention_days = models.PositiveIntegerField(_("keep IP networks (days)"), default=30)

    panels = [
        MultiFieldPanel(
            [FieldPanel("comments_open"), FieldPanel("close_after_days")], heading=_("Opening")
        ),
        MultiFieldPanel(
            [
                FieldPanel("min_seconds"),
                FieldPanel("max_form_age_hours"),
                FieldPanel("flood_seconds"),
                FieldPanel("max_per_minute"),
            ],
            heading=_("Bots and floods"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("deny_words"),
                FieldPanel("hold_words"),
                FieldPanel("max_links"),
                FieldPanel("hold_first_comment"),
                FieldPanel("trust_returning"),
            ],
            heading=_("Moderation rules"),
        ),
        MultiFieldPanel(
            [FieldPanel("max_depth"), FieldPanel("per_page"), FieldPanel("newest_first")],
            heading=_("Display"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("notify_moderators"),
                FieldPanel("moderator_emails"),
                FieldPanel("digest_minutes"),
                FieldPanel("notify_authors"),
            ],
            heading=_("Notifications"),
        ),
        FieldPanel("ip_retention_days"),
    ]

    class Meta:
        verbose_name = _("comment rules")
        verbose_name_plural = _("comment rules")

    @staticmethod
    def _lines(text):
        return [nfc(line).strip().casefold() for line in (text or "").splitlines() if line.strip()]

    @property
    def deny_list(self):
        return self._lines(self.deny_words)

    @property
    def hold_list(self):
        return self._lines(self.hold_words)

    @property
    def moderator_addresses(self):
        return [line for line in self._lines(self.moderator_emails) if "@" in line]
