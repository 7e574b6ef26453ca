"""Rows that belong to two pages at once stay the same in both pages' drafts.

An award record is the exemplar's (its award history) and, when it was given at a
conference, the conference's (its honourees): one row, two ParentalKeys. Wagtail keeps each
page's inline rows in the page's latest revision as well as in the table, and publishes a
page from that revision. So when one page writes the row, the other page's latest revision
would still hold the old copy and, once published, write it back (or delete a row it never
knew). After every save or delete of such a row, the other parents' latest revisions are
brought in line: the entry with that primary key is replaced, added or removed.

The page being saved is left alone: its revision is the source of what was just written
(Wagtail's own behaviour). Older revisions are not rewritten.
"""

import json
import threading
from contextlib import contextmanager

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from modelcluster.fields import ParentalKey
from modelcluster.models import get_serializable_data_for_fields

_state = threading.local()


@contextmanager
def committing(page):
    """Marks ``page`` as writing its own inline rows (see base.pages.SitePage.save)."""
    active = getattr(_state, "pages", None)
    if active is None:
        active = _state.pages = set()
    key = (page._meta.concrete_model._meta.label_lower, page.pk)
    added = key not in active
    active.add(key)
    try:
        yield
    finally:
        if added:
            active.discard(key)


def _is_committing(model, pk):
    return (model._meta.concrete_model._meta.label_lower, pk) in getattr(_state, "pages", set())


def parental_keys(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, ParentalKey)]


def shared_row_models():
    """Models with more than one ParentalKey: rows shared by two pages."""
    return [model for model in apps.get_models() if len(parental_keys(model)) > 1]


def _latest_revision(field, parent_pk):
    parent_model = field.related_model
    if not hasattr(parent_model, "latest_revision"):
        return None
    parent = (
        parent_model._default_manager.filter(pk=parent_pk)
        .select_related("latest_revision")
        .only("pk", "latest_revision")
        .first()
    )
    return parent.latest_revision if parent is not None else None


def _rewrite(field, parent_pk, row_pk, entry=None):
    """Replace (or add, or with ``entry`` None remove) the row in the parent's latest revision."""
    if parent_pk is None or _is_committing(field.related_model, parent_pk):
        return
    revision = _latest_revision(field, parent_pk)
    if revision is None:
        return
    relation = field.remote_field.get_accessor_name()
    entries = revision.content.get(relation)
    if entries is None:  # the revision predates the relation: loading falls back to the table
        return
    kept = [item for item in entries if item.get("pk") != row_pk]
    if entry is not None:
        position = next((i for i, item in enumerate(entries) if item.get("pk") == row_pk), None)
        kept.insert(len(kept) if position is None else position, entry)
    if kept != entries:
        revision.content[relation] = kept
        revision.save(update_fields=["content"])


def _serialized(row):
    # As Wagtail stores it in revision JSON (dates as strings).
    return json.loads(json.dumps(get_serializable_data_for_fields(row), cls=DjangoJSONEncoder))


def _remember_parents(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._parents_before = {}
        return
    fields = parental_keys(sender)
    before = sender._default_manager.filter(pk=instance.pk).values(*[f.attname for f in fields])
    instance._parents_before = before[0] if before else {}


def _after_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    entry = _serialized(instance)
    before = getattr(instance, "_parents_before", {})
    for field in parental_keys(sender):
        now = getattr(instance, field.attname)
        old = before.get(field.attname)
        if old is not None and old != now:
            _rewrite(field, old, instance.pk)  # moved away from that parent
        _rewrite(field, now, instance.pk, entry)


def _after_delete(sender, instance, **kwargs):
    for field in parental_keys(sender):
        _rewrite(field, getattr(instance, field.attname), instance.pk)


def _orphaned_by(parent_model):
    """(shared model, key) pairs whose rows outlive a deleted parent (on_delete SET_NULL)."""
    return [
        (model, field)
        for model in shared_row_models()
        for field in parental_keys(model)
        if field.null and issubclass(parent_model, field.related_model)
    ]


def _before_parent_delete(sender, instance, **kwargs):
    instance._orphaned_rows = [
        (model, list(model._default_manager.filter(**{field.attname: instance.pk})))
        for model, field in _orphaned_by(sender)
    ]


def _after_parent_delete(sender, instance, **kwargs):
    """The rows now point nowhere: their other parents' drafts must say so too."""
    for model, rows in getattr(instance, "_orphaned_rows", []):
        fresh = model._default_manager.in_bulk([row.pk for row in rows])
        for row in fresh.values():
            entry = _serialized(row)
            for field in parental_keys(model):
                _rewrite(field, getattr(row, field.attname), row.pk, entry)


def connect_signals():
    parents = set()
    for model in shared_row_models():
        uid = f"shared-rows:{model._meta.label_lower}"
        pre_save.connect(_remember_parents, sender=model, dispatch_uid=uid + ":pre")
        post_save.connect(_after_save, sender=model, dispatch_uid=uid + ":save")
        post_delete.connect(_after_delete, sender=model, dispatch_uid=uid + ":delete")
        parents.update(f.related_model for f in parental_keys(model) if f.null)
    for parent in parents:
        uid = f"shared-rows:parent:{parent._meta.label_lower}"
        pre_delete.connect(_before_parent_delete, sender=parent, dispatch_uid=uid + ":pre")
        post_delete.connect(_after_parent_delete, sender=parent, dispatch_uid=uid + ":post")
