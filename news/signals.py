"""News signal handlers: cached listing aggregates are forgotten when stories change."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from .home import popular_tags_key
from .models import ArticlePage, Reporter
from .most_read import forget_live_story_ids


def forget_listing_aggregates(story):
    """Forget the popular tags and the month list of the story's section."""
    parent_path = story.path[: -story.steplen]
    parent_ids = Page.objects.filter(path=parent_path).values_list("pk", flat=True)
    keys = [popular_tags_key(story.locale_id), popular_tags_key(None)]
    keys += [f"news:{what}:{pk}" for pk in parent_ids for what in ("months", "count")]
    cache.delete_many(keys)


@receiver(page_published, sender=ArticlePage)
@receiver(page_unpublished, sender=ArticlePage)
@receiver(post_delete, sender=ArticlePage)
def _story_changed(sender, instance, **kwargs):
    forget_listing_aggregates(instance)
    forget_live_story_ids()


@receiver(post_page_move)
def _page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    keys = [popular_tags_key(instance.locale_id), popular_tags_key(None)]
    for parent in (parent_page_before, parent_page_after):
        keys += [f"news:{what}:{parent.pk}" for what in ("months", "count")]
    cache.delete_many(keys)
    forget_live_story_ids()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _restriction_changed(sender, instance, **kwargs):
    forget_live_story_ids()  # a restricted story is not counted (nor listed)


@receiver(pre_save, sender=Reporter)
def _reporter_saving(sender, instance, **kwargs):
    stored = Reporter.objects.filter(pk=instance.pk).values_list("name", flat=True)
    instance._name_before = stored.first() if instance.pk else None


@receiver(post_save, sender=Reporter)
def _reporter_saved(sender, instance, created, **kwargs):
    """Stories are searchable by their bylines' names: a renamed reporter's stories are
    indexed again under the new name (a few hundred at most per reporter in a year)."""
    if created or getattr(instance, "_name_before", instance.name) == instance.name:
        return
    stories = ArticlePage.objects.filter(bylines__reporter=instance).distinct()
    for story in stories.iterator(chunk_size=200):
        index.insert_or_update_object(story)
