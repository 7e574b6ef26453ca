"""The demo's own objects, remembered by key (base.models.DemoObject).

`load_demo` runs again on every `make run`, on a database where staff work too. A loader
finds what it made by its key, makes it only when the key was never used (an object staff
deleted stays deleted), follows up only on its own objects, and records each follow-up as a
step done once, so a second run reads and writes nothing new.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from base.models import DemoObject


def _type(obj_or_model):
    return ContentType.objects.get_for_model(obj_or_model, for_concrete_model=True)


def mark(key, obj):
    DemoObject.objects.update_or_create(
        key=key, defaults={"content_type": _type(obj), "object_id": str(obj.pk)}
    )
    return obj


def made(key):
    """Whether this key was ever used (its object may since have been deleted by staff)."""
    return DemoObject.objects.filter(key=key).exists()


def get(key):
    """The object made under this key, or None (never made, or deleted since)."""
    row = DemoObject.objects.filter(key=key).select_related("content_type").first()
    if row is None or row.content_type is None:
        return None
    model = row.content_type.model_class()
    return model._default_manager.filter(pk=row.object_id).first() if model else None


def ensure(key, make):
    """The object under this key; ``make()`` builds it the first time. None when staff have
    deleted it, or when ``make()`` returns None (its place is taken by staff work)."""
    found = get(key)
    if found is not None or made(key):
        return found
    obj = make()
    return mark(key, obj) if obj is not None else None


def once(key):
    """True the first time a follow-up step runs (and records it), False ever after."""
    _row, created = DemoObject.objects.get_or_create(key=key)
    return created


def pks(model):
    """The ids of the demo objects of this model (pages: of this specific type)."""
    ids = DemoObject.objects.filter(content_type=_type(model)).values_list("object_id", flat=True)
    return {int(pk) for pk in ids}


def is_demo(obj):
    return DemoObject.objects.filter(content_type=_type(obj), object_id=str(obj.pk)).exists()


def editable(page):
    """A demo page a loader may still change and publish: nothing unpublished on it (a staff
    draft is never published by the demo), so the revision it publishes is its own."""
    page.refresh_from_db(fields=["has_unpublished_changes", "latest_revision", "live"])
    return page.live and not page.has_unpublished_changes and is_demo(page)


def add_page(parent, page):
    """Add and publish a new demo ``page`` under ``parent``; None when there is no parent or
    its slug is taken there (a page of the site's own, which the demo leaves alone)."""
    if parent is None:
        return None
    if page.slug and parent.get_children().filter(slug=page.slug).exists():
        return None
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def page_pks():
    """The ids of every demo page, whatever its type."""
    rows = DemoObject.objects.exclude(content_type=None).values_list("content_type", "object_id")
    types = {}
    for type_id, object_id in rows:
        types.setdefault(type_id, set()).add(int(object_id))
    found = set()
    for content_type in ContentType.objects.filter(pk__in=types):
        model = content_type.model_class()
        if model is not None and issubclass(model, Page):
            found |= types[content_type.pk]
    return found


def translate_page(source, locale, fields):
    """Publish ``source``'s translation into ``locale`` (Wagtail's `copy_for_translation`,
    what the Translate action does) with ``fields`` set; None when the source is gone, is
    already translated there, or its parent has no translation there (the demo never invents
    one)."""
    if source is None or source.has_translation(locale):
        return None
    parent = source.get_parent()
    if parent.depth > 1 and not parent.has_translation(locale):
        return None
    page = source.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()  # its address follows the slug set above
    return page
