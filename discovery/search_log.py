"""The search terms log (Wagtail's Reports → Search terms), kept to a bounded size.

Wagtail's search promotions count each query in `Query` and `QueryDailyHits` and never remove
them: random searches from anyone would add rows for ever. Here a search is logged only when it
found something; at most SEARCH_LOG_QUERIES_PER_DAY different queries are logged a day (the
queries already logged that day still get their hits); and the periodic job `prune` removes
daily counts older than WAGTAILSEARCH_HITS_MAX_AGE days and the queries left with none (a
query with promoted results is kept). So the log holds at most
SEARCH_LOG_QUERIES_PER_DAY × (WAGTAILSEARCH_HITS_MAX_AGE + 1) daily rows, and as many queries
plus the promoted ones.
"""

from django.conf import settings
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string


def queries_per_day():
    return getattr(settings, "SEARCH_LOG_QUERIES_PER_DAY", 1000)


def record(text, found):
    """Count one search of `text` that found `found` results."""
    if not found:
        return False
    today = timezone.now().date()  # the day Wagtail's own add_hit uses
    normalised = normalise_query_string(text)
    logged_today = QueryDailyHits.objects.filter(date=today, query__query_string=normalised)
    full = QueryDailyHits.objects.filter(date=today).count() >= queries_per_day()
    if full and not logged_today.exists():
        return False
    Query.get(text).add_hit(date=today)
    return True


def prune():
    """Periodic job (settings.PERIODIC_JOBS): old daily counts, then queries left with none."""
    QueryDailyHits.garbage_collect()
    Query.garbage_collect()
