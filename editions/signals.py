"""A page's versions list each other (hreflang, the header's switch, "Đọc bằng tiếng…"): when
one is published, unpublished or deleted, the cached renders of the others are stale."""

from wagtail.models import Page


def _versions_changed(sender, instance=None, **kwargs):
    if instance is None or not getattr(instance, "translation_key", None):
        return
    from caching.content_versions import page_scope
    from caching.page_cache import purge_scopes

    others = Page.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
    purge_scopes({page_scope(pk) for pk in others.values_list("pk", flat=True)})


def connect_signals():
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(_versions_changed, dispatch_uid="editions_versions_published")
    page_unpublished.connect(_versions_changed, dispatch_uid="editions_versions_unpublished")
    post_delete.connect(_deleted, dispatch_uid="editions_versions_deleted")


def _deleted(sender, instance=None, **kwargs):
    if isinstance(instance, Page):
        _versions_changed(sender, instance)


def connect_locale_signals():
    """Adding or removing a locale forgets the cached locale ids (editions.locale_ids)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale

    from .editions import forget_locale_ids

    post_save.connect(forget_locale_ids, sender=Locale, dispatch_uid="editions-locale-saved")
    post_delete.connect(forget_locale_ids, sender=Locale, dispatch_uid="editions-locale-deleted")
