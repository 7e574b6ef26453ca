from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page
from wagtail.signals import page_published, workflow_submitted

from .tracking import forget


def _published(sender, instance, **kwargs):
    forget(instance.pk)


def _submitted(sender, instance, **kwargs):
    """`instance` is the new workflow state; only a page's state concerns us."""
    if instance.base_content_type_id == ContentType.objects.get_for_model(Page).pk:
        forget(int(instance.object_id))


def connect():
    page_published.connect(_published, dispatch_uid="drafts.published")
    workflow_submitted.connect(_submitted, dispatch_uid="drafts.submitted")
