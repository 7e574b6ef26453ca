"""NFC-normalise user text on save, for every model of our apps, Wagtail pages and tags."""

from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail.fields import RichTextField, StreamField

from language.vietnamese import nfc, normalize_data

# The apps whose rows hold text people type (stories, the registry, comments, audio and video
# titles and transcripts, programmes, the broadcast schedule, readers' tips, live updates).
OUR_APPS = {
    "kontum_site",
    "news",
    "campaigns",
    "exemplars",
    "comments",
    "avmedia",
    "programmes",
    "channels",
    "tips",
    "liveblog",
}
OTHER_MODELS = {("taggit", "tag"), ("wagtailcore", "page"), ("wagtailimages", "image")}


def wants_normalization(model):
    meta = model._meta
    return meta.app_label in OUR_APPS or (meta.app_label, meta.model_name) in OTHER_MODELS


def normalize_instance_text(instance):
    """Rewrite the instance's text fields (char, text, rich text, StreamField) in NFC."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField):
            value = getattr(instance, field.attname, None)
            if value is None:
                continue
            raw = value.get_prep_value() if hasattr(value, "get_prep_value") else value
            normalized = normalize_data(raw)
            if normalized != raw:
                setattr(instance, field.attname, normalized)
        elif isinstance(field, models.CharField | models.TextField | RichTextField):
            value = getattr(instance, field.attname, None)
            if isinstance(value, str):
                normalized = nfc(value)
                if normalized != value:
                    setattr(instance, field.attname, normalized)


def normalize_cluster_children(instance):
    """Normalise in-memory inline children (orderables) of a ClusterableModel before a revision."""

    for relation in get_all_child_relations(instance):
        manager = getattr(instance, relation.get_accessor_name(), None)
        if manager is None:
            continue
        for child in manager.all():
            normalize_instance_text(child)
