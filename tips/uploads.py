"""What a reader may attach: photos Pillow can read, or one short video ffprobe can read."""

import os
import shutil
import tempfile

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from avmedia.probe import probe

IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
VIDEO_TYPES = {
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".mov": "video/quicktime",
    ".webm": "video/webm",
    ".3gp": "video/3gpp",
}


class UploadRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _image_type(upload):
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            kind = IMAGE_TYPES.get(image.format)
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        upload.seek(0)
    return kind


def _video_facts(upload):
    """ffprobe's facts about the upload (written to a temporary file if it is in memory)."""
    path = getattr(upload, "temporary_file_path", lambda: None)()
    if path:
        return probe(path)
    suffix = os.path.splitext(upload.name)[1]
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        upload.seek(0)
        shutil.copyfileobj(upload, copy)
        copy.flush()
        upload.seek(0)
        return probe(copy.name)


def _looks_like_video(upload):
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return head[4:8] == b"ftyp" or head[:4] == b"\x1a\x45\xdf\xa3"


def check_upload(upload):
    """The file's content type, or UploadRefused saying why it cannot be taken."""
    image_type = _image_type(upload)
    if image_type:
        if upload.size > settings.TIPS_MAX_IMAGE_BYTES:
            raise UploadRefused(
                _("a photo may be at most %(mb)d MB.")
                % {"mb": settings.TIPS_MAX_IMAGE_BYTES // 1_000_000}
            )
        return image_type
    extension = os.path.splitext(upload.name)[1].lower()
    if extension in VIDEO_TYPES and _looks_like_video(upload):
        if upload.size > settings.TIPS_MAX_VIDEO_BYTES:
            raise UploadRefused(
                _("a video may be at most %(mb)d MB.")
                % {"mb": settings.TIPS_MAX_VIDEO_BYTES // 1_000_000}
            )
        facts = _video_facts(upload) if shutil.which("ffprobe") else {"duration": 0}
        if not facts:
            raise UploadRefused(_("this video cannot be read."))
        if facts.get("duration", 0) > settings.TIPS_MAX_VIDEO_SECONDS:
            raise UploadRefused(
                _("a video may be at most %(minutes)d minutes long.")
                % {"minutes": settings.TIPS_MAX_VIDEO_SECONDS // 60}
            )
        return VIDEO_TYPES[extension]
    raise UploadRefused(_("only photos (JPEG, PNG, WebP, GIF) or a video (MP4, MOV, WebM)."))
