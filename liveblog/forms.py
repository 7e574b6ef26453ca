"""The quick-post form: text and an optional photo; the rest (caption, quote, embed, one of the
station's videos or recordings) folded away."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Collection

from avmedia.choosing import choosable_media

from .models import LiveUpdate

MAX_PHOTO_BYTES = 15 * 1024 * 1024
RECENT_MEDIA = 50  # the newest items the reporter may choose, in a plain select (phones)


class LiveUpdateForm(forms.ModelForm):
    photo = forms.ImageField(
        label=_("Photo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    embed_url = forms.URLField(
        label=_("embed (address)"),
        required=False,
        assume_scheme="https",
        help_text=_("A video or post address (YouTube, Facebook…)."),
    )

    class Meta:
        model = LiveUpdate
        fields = ["text", "image_caption", "video", "embed_url", "quote", "quote_source"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4, "autofocus": True}),
            "quote": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, moderator=False, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("What is happening?")
        video = self.fields["video"]
        video.label = _("Video or recording of the station (optional)")
        choosable = choosable_media(user) if user is not None else video.queryset.none()
        recent = list(choosable.order_by("-created_at").values_list("pk", flat=True)[:RECENT_MEDIA])
        if self.instance.video_id:
            recent.append(self.instance.video_id)
        video.queryset = video.queryset.model.objects.filter(pk__in=recent).order_by("-created_at")
        if moderator:
            self.fields["key_moment"] = forms.BooleanField(
                label=_("Key moment of the live blog"),
                required=False,
                initial=self.instance.key_moment,
            )
            self.fields["pinned"] = forms.BooleanField(
                label=_("Pin to the top"), required=False, initial=self.instance.pinned
            )

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and photo.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(_("The photo is larger than 15 MB."))
        return photo

    def clean(self):
        cleaned = super().clean()
        has_content = any(
            cleaned.get(name) for name in ("text", "embed_url", "quote", "photo", "video")
        ) or (self.instance.pk and self.instance.image_id)
        if not has_content and not self.errors:
            raise forms.ValidationError(_("Write something or add a photo."))
        if cleaned.get("quote_source") and not cleaned.get("quote"):
            self.add_error("quote", _("Type the quote to go with its source."))
        return cleaned

    def save_with(self, user, commit=True):
        update = super().save(commit=False)
        for name in ("key_moment", "pinned"):
            if name in self.fields:
                setattr(update, name, self.cleaned_data[name])
        photo = self.cleaned_data.get("photo")
        if photo:
            title = (self.cleaned_data.get("image_caption") or update.page.title)[:255]
            update.image = get_image_model().objects.create(
                title=title,
                file=photo,
                collection=Collection.get_first_root_node(),
                uploaded_by_user=user,
            )
        if commit:
            update.save()
        return update
