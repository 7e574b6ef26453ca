"""Adding many child pages under one parent in a handful of queries.

Wagtail's ``parent.add_child(instance=page)`` costs a dozen queries and the signals of a save
for each page: right for an editor's page, too slow for an import of thousands of records or
the benchmark dataset. ``bulk_insert_pages`` is the one place the project does it in bulk.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from treebeard.exceptions import PathOverflow
from wagtail.models import Page

from language.vietnamese import slugify_vi

from .slugs import unique_slug

BATCH = 500


def bulk_insert_pages(parent, pages, progress=None):
    """Add the unsaved ``pages`` (instances of one page class) as the last children of
    ``parent``; returns them, saved (with their ids). No revisions, no log entries, no search
    index: the caller adds those it needs (see exemplars/registry_writes.py). Each page is as
    given: live or not, its first publication date (the last one defaults to it). A page
    without a slug gets one from its title; a slug a sibling has gets ``-2``, ``-3``…
    (editorial.slugs.unique_slug). ``progress(done, total)`` is called after each batch.

    Why private APIs, here only:
    - treebeard's public way of adding nodes (``add_child``, ``load_bulk``) saves one node at
      a time. Its materialised path of the n-th child is built with ``MP_Node._get_path``
      (and the last child's position read with ``_get_lastpos_in_path``), as ``add_child``
      itself does; the parent row is locked (``select_for_update``) as ``add_child`` locks it.
    - Django cannot ``bulk_create`` a multi-table model (a page type is a child table of
      ``wagtailcore_page``): the Page rows go in with ``bulk_create``, the page type's own rows
      with ``QuerySet._insert``, the call ``bulk_create`` makes itself.
    The result is checked by ``Page.find_problems()`` in tests/editorial/test_page_tree.py.
    """
    if not pages:
        return []
    model = type(pages[0])
    if any(type(page) is not model for page in pages) or model._meta.get_parent_list() != [Page]:
        raise TypeError("bulk_insert_pages takes pages of one class, a direct subclass of Page")
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        last = parent.get_last_child()
        position = last._get_lastpos_in_path() if last else 0
        taken = set(parent.get_children().values_list("slug", flat=True))
        content_type = ContentType.objects.get_for_model(model)
        depth = parent.depth + 1
        path_length = Page._meta.get_field("path").max_length
        for page in pages:
            position += 1
            page.path = Page._get_path(parent.path, depth, position)
            if len(page.path) > path_length or len(page.path) != depth * Page.steplen:
                raise PathOverflow(f"No room for another child under {parent.path}")
            page.slug = unique_slug(page.slug or slugify_vi(page.title)[:200] or "trang", taken)
            taken.add(page.slug)
            page.depth = depth
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.content_type = content_type
            page.locale_id = parent.locale_id
            page.draft_title = page.draft_title or page.title
            page.has_unpublished_changes = False
            page.last_published_at = page.last_published_at or page.first_published_at
        for start in range(0, len(pages), BATCH):
            _insert(model, pages[start : start + BATCH])
            if progress is not None:
                progress(min(start + BATCH, len(pages)), len(pages))
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def _insert(model, pages):
    """The Page rows, then the page type's rows, of one batch."""
    page_fields = [f for f in Page._meta.concrete_fields if f.attname != "id"]
    bases = [Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages]
    Page.objects.bulk_create(bases)
    if bases[0].pk is None:  # a database that returns no ids from bulk inserts
        ids = dict(Page.objects.filter(path__in=[b.path for b in bases]).values_list("path", "pk"))
        for base in bases:
            base.pk = ids[base.path]
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.pk
    local_fields = list(model._meta.local_concrete_fields)
    model._base_manager._insert(pages, fields=local_fields, using=connection.alias)
    for page in pages:
        page._state.adding = False
