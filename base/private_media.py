"""Which uploaded images are public, and their original files behind a check.

Public means used by a live page that no view restriction covers, as Wagtail's reference
index records it (featured pictures, pictures in the body and in rich text). Images used
only by drafts, scheduled or unpublished stories, pages behind a password, or nothing at
all, are not listed by the read API, and their original files are sent only to staff who
may choose images. Renditions (the sizes pages show, under /media/images/) stay static
files: they are made when a page is rendered and are what readers already see.

Behind the shipped nginx the original files' folder is ``internal``: the view answers with
``X-Accel-Redirect`` (base/media_accel.py) and nginx sends the bytes.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

# Originals of public images may stay in a reader's browser a little; never in a shared cache
# (a story taken down takes its pictures' originals with it at once).
ORIGINAL_CACHE_CONTROL = "private, max-age=300"


def public_image_ids():
    """A subquery of the ids of images used by live, unrestricted pages."""
    image_model = get_image_model()
    live_public_pages = (
        Page.objects.live().public().annotate(key=Cast("pk", CharField())).values("key")
    )
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(image_model),
            object_id__in=live_public_pages,
        )
        .annotate(image_id=Cast("to_object_id", IntegerField()))
        .values("image_id")
    )


def public_images(queryset=None):
    if queryset is None:
        queryset = get_image_model().objects.all()
    return queryset.filter(pk__in=public_image_ids())


def original_url(image):
    return reverse("original_image", args=[image.pk, image.filename])


def may_see_every_image(user):
    policy = policy_registry.get_by_type(get_image_model())
    return user.is_authenticated and policy.user_has_any_permission(
        user, ["add", "change", "choose"]
    )


@require_GET
def original_image(request, image_id, filename):
    """The uploaded file of an image: public images for everyone, any image for staff who
    may choose images; otherwise 404 (as if it did not exist)."""
    images = get_image_model().objects.all()
    if not may_see_every_image(request.user):
        images = public_images(images)
    image = get_object_or_404(images, pk=image_id)
    if image.filename != filename:
        raise Http404
    try:
        path = image.file.path
    except (NotImplementedError, ValueError) as error:
        raise Http404 from error
    backend = None
    if not getattr(settings, "SENDFILE_BACKEND", None):
        backend = sendfile_streaming_backend.sendfile
    response = sendfile(request, path, attachment=False, backend=backend)
    response["Cache-Control"] = ORIGINAL_CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    return response
