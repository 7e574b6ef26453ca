"""The station's live channels (TV, radio) and their broadcast schedule (lịch phát sóng).

A channel is a snippet with its stream addresses; a schedule day (one channel, one date) holds
the day's slots, each a start time and a title, linked to a programme or an episode when one
matches. A slot ends when the next one (that day or the next) starts.
"""

from datetime import datetime
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable

from language.vietnamese import format_long_date, slugify_vi


class ChannelKind(models.TextChoices):
    TV = "tv", _("Television")
    RADIO = "radio", _("Radio")


class AudioFormat(models.TextChoices):
    MP3 = "audio/mpeg", "MP3"
    AAC = "audio/aac", "AAC"


def _check_stream_url(value, suffixes, message):
    """An absolute http(s) address or a path on this site, ending in one of ``suffixes``."""
    parts = urlsplit(value)
    if parts.scheme:
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValidationError(_("Use an http:// or https:// address, or a path on this site."))
    elif not value.startswith("/") or value.startswith("//"):
        raise ValidationError(_("Use an http:// or https:// address, or a path on this site."))
    if suffixes and not parts.path.lower().endswith(suffixes):
        raise ValidationError(message)


def validate_hls_url(value):
    _check_stream_url(value, (".m3u8",), _("An HLS stream address ends in .m3u8."))


def validate_audio_url(value):
    _check_stream_url(
        value,
        (),
        _("An MP3 or AAC stream address."),
    )


class Channel(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        pgettext_lazy("channel", "slug"),
        max_length=80,
        unique=True,
        blank=True,
        allow_unicode=False,
    )
    kind = models.CharField(_("kind"), max_length=8, choices=ChannelKind.choices)
    description = models.CharField(_("description"), max_length=255, blank=True)
    hls_url = models.CharField(
        _("HLS stream"),
        max_length=500,
        blank=True,
        validators=[validate_hls_url],
        help_text=_("The .m3u8 address of the live stream (video, or audio for radio)."),
    )
    audio_url = models.CharField(
        _("audio stream"),
        max_length=500,
        blank=True,
        validators=[validate_audio_url],
        help_text=_("Radio: the MP3 or AAC stream address (Icecast, Shoutcast…)."),
    )
    audio_format = models.CharField(
        _("audio format"), max_length=16, choices=AudioFormat.choices, default=AudioFormat.MP3
    )
    on_air = models.BooleanField(_("shown on the live page"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("hls_url"),
        FieldRowPanel([FieldPanel("audio_url"), FieldPanel("audio_format")]),
        FieldRowPanel([FieldPanel("on_air"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("channel")
        verbose_name_plural = _("channels")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.hls_url and not self.audio_url:
            raise ValidationError(_("Give the channel an HLS stream, an audio stream or both."))
        if self.kind == ChannelKind.TV and not self.hls_url:
            raise ValidationError({"hls_url": _("A television channel needs an HLS stream.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name, max_length=80)
        super().save(*args, **kwargs)

    @property
    def is_video(self):
        return self.kind == ChannelKind.TV


class ScheduleDay(ClusterableModel):
    """One channel's broadcast schedule for one day, entered in the admin or imported."""

    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("date"))

    panels = [
        FieldRowPanel([FieldPanel("channel"), FieldPanel("date")]),
        InlinePanel("slots", label=_("Slots"), heading=_("Slots"), min_num=1),
    ]

    class Meta:
        ordering = ["-date", "channel__sort_order"]
        verbose_name = _("broadcast schedule")
        verbose_name_plural = _("broadcast schedules")
        constraints = [
            models.UniqueConstraint(fields=["channel", "date"], name="channels_one_day_per_channel")
        ]

    def __str__(self):
        return f"{self.channel} – {format_long_date(self.date)}" if self.channel_id else ""

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        if self.channel_id and self.date:
            taken = ScheduleDay.objects.filter(channel_id=self.channel_id, date=self.date)
            if taken.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"date": _("This channel already has a schedule for that day.")}
                )


class ScheduleSlot(Orderable):
    day = ParentalKey(ScheduleDay, on_delete=models.CASCADE, related_name="slots")
    start_time = models.TimeField(_("start"))
    title = models.CharField(_("title"), max_length=200)
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: found by the title when a programme has that name."),
    )
    episode = models.ForeignKey(
        "programmes.EpisodePage",
        verbose_name=_("episode"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The start as a moment (Asia/Ho_Chi_Minh), kept for "on air now" queries.
    starts_at = models.DateTimeField(db_index=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("title")]),
        FieldRowPanel(
            [
                PageChooserPanel("programme", page_type="programmes.ProgrammePage"),
                PageChooserPanel("episode", page_type="programmes.EpisodePage"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        ordering = ["start_time"]
        unique_together = [("day", "start_time")]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")

    def __str__(self):
        return f"{self.start_time:%H:%M} {self.title}"

    matched = False  # set by the import, which links with one matcher for the whole file

    def set_starts_at(self):
        self.starts_at = timezone.make_aware(datetime.combine(self.day.date, self.start_time))

    def save(self, *args, **kwargs):
        self.set_starts_at()
        if self.programme_id is None and self.episode_id is None and not self.matched:
            from .matching import ProgrammeMatcher

            ProgrammeMatcher().link(self)
        super().save(*args, **kwargs)
