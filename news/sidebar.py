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
        "most_read_stories": lazy(most_read),
        "most_read_period": most_read_period(),
        "popular_tags": lazy(popular_tags),
        "news_index": news_index,
    }
