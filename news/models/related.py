"""Which stories a story lists as related when its editor chose none: those sharing the most
of its tags, newest first.

One SQL statement, written out rather than built by the ORM, for two reasons measured on the
bench's dataset (20,000 stories, PostgreSQL):
- Ranking with the live and edition filters joined in made PostgreSQL hash-join the whole page
  table (a sequential scan of every page: 8–16 ms a story). Ranking the tag rows with their
  stories' dates alone, then checking only the best `WINDOW` against the page table, is
  index lookups all the way (2–3 ms).
- The ORM compiled the grouped, annotated query anew on every render (~1,500 of a story's
  ~31,600 Python function calls).
The order is the same as ranking the filtered stories: a story's rank depends on its own tags
and date only, so filtering after ranking keeps the order; when the window holds too few
stories that pass, the ranking is done again over every candidate.
"""

from django.db import connection
from wagtail.models import Page

from news.models.tags import ArticlePageTag

# How many of the best-ranked stories, of any edition and state, are checked for being live
# in the story's edition. Every story of a site with two editions has a twin sharing its tags
# and date, so half of the window passes at most.
WINDOW = 48


def ranked_by_shared_tags(tag_ids, story, count):
    """The ids of up to `count` live stories of `story`'s edition sharing a tag of `tag_ids`,
    most shared tags first, then newest (display date), then highest id."""
    tag_ids = [int(pk) for pk in tag_ids]
    if not tag_ids or count <= 0:
        return []
    rows = _ranked_rows(tag_ids, story, WINDOW)
    passing = [pk for pk, in_edition in rows if in_edition]
    if len(passing) >= count or len(rows) < WINDOW:
        return passing[:count]
    return [pk for pk, in_edition in _ranked_rows(tag_ids, story, None) if in_edition][:count]


def _ranked_rows(tag_ids, story, window):
    """(id, whether it is live in the story's edition) of the best `window` stories sharing a
    tag, in rank order (every one when `window` is None)."""
    stories_model = ArticlePageTag._meta.get_field("content_object").related_model
    quote = connection.ops.quote_name
    tags = quote(ArticlePageTag._meta.db_table)
    stories = quote(stories_model._meta.db_table)
    pages = quote(Page._meta.db_table)
    story_key = quote(stories_model._meta.pk.column)
    date = quote(stories_model._meta.get_field("display_date").column)
    placeholders = ", ".join(["%s"] * len(tag_ids))
    limit = " LIMIT %s" if window is not None else ""
    sql = f"""
        SELECT ranked.id, CASE WHEN page.live AND page.locale_id = %s THEN 1 ELSE 0 END
        FROM (
            SELECT tagged.content_object_id AS id, COUNT(*) AS shared, MAX(story.{date}) AS newest
            FROM {tags} tagged
            INNER JOIN {stories} story ON story.{story_key} = tagged.content_object_id
            WHERE tagged.tag_id IN ({placeholders}) AND tagged.content_object_id <> %s
            GROUP BY tagged.content_object_id
            ORDER BY shared DESC, newest DESC, tagged.content_object_id DESC{limit}
        ) ranked
        INNER JOIN {pages} page ON page.id = ranked.id
        ORDER BY ranked.shared DESC, ranked.newest DESC, ranked.id DESC
    """
    params = [story.locale_id, *tag_ids, story.pk]
    if window is not None:
        params.append(window)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(pk, bool(in_edition)) for pk, in_edition in cursor.fetchall()]
