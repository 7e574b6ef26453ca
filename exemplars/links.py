"""What an exemplar page lists back: stories, conferences and campaigns, always live.

Nothing here is kept by hand: stories come from Wagtail's reference index (rich-text links,
exemplar-card blocks, the "exemplars in this story" inline) and from the inline's reverse
relation; conferences from their honourees; campaigns from award records and conferences.
Models of other apps are looked up by name, so this app never imports news or campaigns.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import ReferenceIndex

from base import renditions
from base.pagination import paginate

STORY_MODEL = "news.ArticlePage"
STORIES_PER_PAGE = 20
STORIES_PAGE_PARAM = "page"


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def stories_mentioning(exemplar):
    """Every live story of the exemplar's edition that links to it, newest first (a queryset
    to page). A translated story still names the Vietnamese record (exemplars/editions.py),
    so a story is found through any version of the record, and the record's page lists
    those of its own edition: each story once, in the page's language."""
    story_model = _model(STORY_MODEL)
    if story_model is None:
        return []
    story_type = ContentType.objects.get_for_model(story_model)
    # Every version of the record, as a subquery of the one below (Wagtail takes a queryset).
    versions = type(exemplar).objects.filter(translation_key=exemplar.translation_key)
    referencing = ReferenceIndex.get_references_to_in_bulk(versions).filter(content_type=story_type)
    ids = {int(pk) for pk in referencing.values_list("object_id", flat=True) if str(pk).isdigit()}
    named = Q(exemplar_links__exemplar__translation_key=exemplar.translation_key)
    return (
        story_model.objects.filter(Q(pk__in=ids) | named)
        .filter(locale_id=exemplar.locale_id)
        .live()
        .public()
        .distinct()
        .select_related("featured_image")
        .prefetch_related(renditions.prefetch("featured_image", renditions.STORY_CARD_PICTURE))
        .order_by("-display_date", "-pk")
    )


def stories_mentioning_many(exemplars):
    """{exemplar id: its live stories, newest first} for many exemplars in four queries
    (the read API's listing: stories_mentioning per exemplar would be three queries each)."""
    story_model = _model(STORY_MODEL)
    exemplars = list(exemplars)
    found = {exemplar.pk: [] for exemplar in exemplars}
    if story_model is None or not exemplars:
        return found
    story_type = ContentType.objects.get_for_model(story_model)
    pairs = set()
    for story_id, exemplar_id in (
        ReferenceIndex.get_references_to_in_bulk(exemplars)
        .filter(content_type=story_type)
        .values_list("object_id", "to_object_id")
    ):
        if str(story_id).isdigit() and str(exemplar_id).isdigit():
            pairs.add((int(story_id), int(exemplar_id)))
    pairs |= set(
        story_model.objects.filter(exemplar_links__exemplar__in=list(found)).values_list(
            "pk", "exemplar_links__exemplar"
        )
    )
    stories = (
        story_model.objects.filter(pk__in={story_id for story_id, _ in pairs})
        .live()
        .public()
        .order_by("-display_date", "-pk")
    )
    by_story = {}
    for story_id, exemplar_id in pairs:
        by_story.setdefault(story_id, set()).add(exemplar_id)
    for story in stories:
        for exemplar_id in by_story.get(story.pk, ()):
            if exemplar_id in found:
                found[exemplar_id].append(story)
    return found


def story_page(request, exemplar):
    """One page of those stories (`?page=`), with the total for "Stories about them (12)"."""
    return paginate(request, stories_mentioning(exemplar), STORIES_PER_PAGE, STORIES_PAGE_PARAM)


def conference_honours(exemplar):
    """Award records presented at a live conference (one honour, one row)."""
    return list(
        exemplar.awards.filter(conference__live=True)
        .select_related("conference", "award_type")
        .order_by("-conference__date", "conference_id")
    )


def campaigns_for(exemplar, awards, honours):
    campaign_model = _model("campaigns.CampaignPage")
    if campaign_model is None:
        return []
    steplen = campaign_model.steplen
    parent_paths = {honour.conference.path[:-steplen] for honour in honours}
    award_campaigns = {award.campaign_id for award in awards if award.campaign_id}
    if not parent_paths and not award_campaigns:
        return []
    return list(
        campaign_model.objects.filter(Q(path__in=parent_paths) | Q(pk__in=award_campaigns))
        .live()
        .public()
        .order_by("-start_date", "title")
    )


def exemplar_backlinks(exemplar, awards=None, request=None):
    awards = awards if awards is not None else list(exemplar.awards.all())
    honours = conference_honours(exemplar)
    return {
        "stories": story_page(request, exemplar)
        if request
        else list(stories_mentioning(exemplar)[:20]),
        "honours": honours,
        "campaigns": campaigns_for(exemplar, awards, honours),
    }
