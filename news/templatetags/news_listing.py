"""The side column of the news listings, read by their template (news/includes/listing_aside.html)
rather than by the page models: the column lists stories, so the models need not know it."""

from django import template

from news.sidebar import listing_sidebar

register = template.Library()


@register.simple_tag
def listing_aside(news_index):
    """Most read and topics, lazily (news/sidebar.py): nothing is read when the column's
    fragment comes from the cache."""
    return listing_sidebar(news_index)
