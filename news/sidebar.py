"""The side column of the news listings (the news index and each section): most read and
the topics, as on the home page.

Everything is lazy (caching/lazy.py): when the column's fragment comes from the cache,
nothing is read. The fragment is keyed by the most-read period, so the list is renewed as
often as the home page's.
"""

from caching.lazy import lazy

from .home import popular_tags
from .most_read import most_read, most_read_period


def listing_sidebar(news_index):
    return {
        # The edition's own lists (the news index is in the edition being read).
        "most_read_stories": lazy(most_read, locale_id=news_index.locale_id),
        "most_read_period": most_read_period(),
        "popular_tags": lazy(popular_tags, news_index.locale_id),
        "news_index": news_index,
    }
