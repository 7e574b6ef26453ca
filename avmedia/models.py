"""Audio and video the station makes: wagtailmedia's model with what a broadcaster adds.

A poster image (rendered at phone and desktop sizes like any picture), a transcript, and
WebVTT captions, played by the browser's own <video> and <audio> elements (avmedia/player.html):
no third-party player, no network call. Duration and frame size are read from the file with
ffprobe when it is installed (avmedia/probe.py).
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtailmedia.models import AbstractMedia

from language.vietnamese import slugify_vi

from .probe import probe

MAX_CAPTIONS = 1024 * 1024
CAPTION_LANGUAGES = [
    ("vi", _("Vietnamese")),
    ("bdq", _("Ba Na")),
    ("sed", _("Xơ Đăng")),
    ("jra", _("Gia Rai")),
    ("en", _("English")),
]


def validate_webvtt(upload):
    """A captions file must be WebVTT text (it starts with "WEBVTT"), UTF-8, at most 1 MB."""
    if upload.size > MAX_CAPTIONS:
        raise ValidationError(_("The captions file is larger than 1 MB."))
    position = upload.tell() if hasattr(upload, "tell") else 0
    content = upload.read(MAX_CAPTIONS + 1)
    upload.seek(position)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The captions file is not UTF-8 text.")) from error
    if not text.startswith("WEBVTT"):
        raise ValidationError(_("The captions file is not WebVTT: its first line must be WEBVTT."))


def captions_path(instance, filename):
    """Captions are stored under a .vtt name whatever they were uploaded as: the name decides
    the type a server gives them, and "captions.html" must never be served as a web page on
    the site's own origin."""
    stem = slugify_vi(PurePath(filename).stem)[:80] or "phu-de"
    return f"media_captions/{stem}.vtt"


class MediaItem(AbstractMedia):
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before a video plays, and as a programme episode's picture."),
    )
    transcript = models.TextField(
        _("transcript"), blank=True, help_text=_("What is said, for readers who cannot listen.")
    )
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to=captions_path,
        blank=True,
        validators=[validate_webvtt],
        help_text=_("A .vtt file: shown on the video, and read out by screen readers."),
    )
    captions_language = models.CharField(
        _("captions language"), max_length=8, choices=CAPTION_LANGUAGES, default="vi"
    )

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "duration",
        "width",
        "height",
        "poster",
        "captions",
        "captions_language",
        "transcript",
        "tags",
    )

    class Meta(AbstractMedia.Meta):
        verbose_name = _("audio or video")
        verbose_name_plural = _("audio and video")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.read_file_facts()

    def read_file_facts(self):
        """Fill in the duration (and a video's size) from the file, once it is stored."""
        if self.duration and (self.type != "video" or self.width):
            return
        try:
            path = self.file.path
        except (NotImplementedError, ValueError):  # remote storage, or no file yet
            return
        facts = probe(path)
        changed = {k: v for k, v in facts.items() if not getattr(self, k)}
        if changed:
            type(self).objects.filter(pk=self.pk).update(**changed)
            for name, value in changed.items():
                setattr(self, name, value)

    @property
    def duration_text(self):
        """ "3:05" or "1:02:03"."""
        seconds = int(round(self.duration or 0))
        hours, rest = divmod(seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"

    @property
    def iso_duration(self):
        """ISO 8601 duration for JSON-LD ("PT3M5S")."""
        seconds = int(round(self.duration or 0))
        return f"PT{seconds // 60}M{seconds % 60}S"

    @property
    def mime_type(self):
        return self.sources[0]["type"] if self.file else ""
