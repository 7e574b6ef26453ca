"""Site search that ignores tone marks, on SQLite (FTS5) and PostgreSQL alike.

Neither Wagtail's database backend on SQLite (FTS5 keeps "đ") nor PostgreSQL's default text
search finds "Đại hội" for "dai hoi". So every searchable page type also indexes its text
*folded* (NFC, case-folded, marks stripped, đ→d) and we fold the query the same way. The
original fields stay in the index, so an accented query can rank exact-accent matches first.

Making a page type searchable takes three lines (campaigns, conferences, exemplars):

    class CampaignPage(FoldedSearchMixin, SitePage):
        search_fields = SitePage.search_fields + [...your fields...] + FOLDED_SEARCH_FIELDS

        def get_search_text_parts(self):
            return [self.title, self.slogan, self.summary]

``get_snippet_text_parts()`` (no queries) gives the text of a result's snippet. Optional class
attributes: ``search_date_field`` (the year filter; default
first_published_at), ``search_tag_lookup`` (e.g. "tagged_items__tag" for the tag filter),
``search_image_field`` (a thumbnail on the results page).
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import Count
from django.db.models.functions import Substr
from django.utils.html import escape
from django.utils.safestring import mark_safe
from modelsearch.conf import get_app_config
from modelsearch.query import Fuzzy
from wagtail.models import Page
from wagtail.search import index

from caching import content_versions
from language.vietnamese import fold, nfc

MAX_QUERY_LENGTH = 120
MAX_TERMS = 12
MAX_CANDIDATES = 500
SNIPPET_LENGTH = 240
# A word's combining marks belong to it: NFC keeps the breve of Ba Na "ơ̆" (U+01A1 U+0306) as
# a code point of its own, which `\w` alone would take for a separator ("hơ̆m" → "hơ", "m").
_WORD = re.compile(r"\w[\w\u0300-\u036f]*")
_TAGS = re.compile(r"<[^>]+>")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


# Where search_text_folded keeps its answer on an object (base.pages.SitePage.save clears it).
KEPT_SEARCH_TEXT = "_search_text_folded"


class FoldedSearchMixin:
    """A page type whose text is indexed folded as well as as written."""

    search_date_field = "first_published_at"
    search_tag_lookup = None
    search_image_field = None

    def get_search_text_parts(self):
        """Plain-text pieces of the page, most important first (title first)."""
        return [self.title]

    def search_text_folded(self):
        # Indexing asks for it once per search field and index column (six times for one
        # object), each time reading tags and bylines: the first answer is kept on the object
        # (issue 26). The index reads a fresh object; a page forgets it when saved
        # (base.pages.SitePage.save), so an edit is never indexed with the old text.
        kept = self.__dict__.get(KEPT_SEARCH_TEXT)
        if kept is None:
            kept = fold(" ".join(str(part) for part in self.get_search_text_parts() if part))
            self.__dict__[KEPT_SEARCH_TEXT] = kept
        return kept

    def get_snippet_text_parts(self):
        """What a results snippet is cut from (no queries: it runs for every result shown)."""
        return [getattr(self, "search_description", "")]

    def search_snippet_source(self):
        parts = [str(part) for part in self.get_snippet_text_parts() if part]
        return " ".join(_TAGS.sub(" ", " ".join(parts)).split())

    def search_image(self):
        return getattr(self, self.search_image_field) if self.search_image_field else None

    def search_date(self):
        return getattr(self, self.search_date_field, None) or self.first_published_at


FOLDED_SEARCH_FIELDS = [
    index.SearchField("search_text_folded"),
    index.AutocompleteField("search_text_folded"),
]


def streamfield_text(page, field_name):
    """Searchable plain text of a StreamField (rich text stripped), without queries."""
    value = getattr(page, field_name)
    content = page._meta.get_field(field_name).get_searchable_content(value)
    return " ".join(_TAGS.sub(" ", str(item)) for item in content if item)


def searchable_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, FoldedSearchMixin) and issubclass(model, Page)
    ]


# --- queries --------------------------------------------------------------------------------


@dataclass
class SearchQuery:
    """A reader's query, cleaned: NFC, capped, split into folded and accented terms."""

    raw: str
    text: str = ""
    truncated: bool = False
    folded_terms: list = field(default_factory=list)
    accent_terms: list = field(default_factory=list)

    @classmethod
    def parse(cls, raw):
        raw = nfc(raw or "")
        # control characters (NUL breaks PostgreSQL) become spaces
        text = " ".join(_CONTROL.sub(" ", raw).split())
        truncated = len(text) > MAX_QUERY_LENGTH
        text = text[:MAX_QUERY_LENGTH]
        accent_terms = _WORD.findall(text.casefold())[:MAX_TERMS]
        folded_terms = [fold(term) for term in accent_terms]
        return cls(raw, text, truncated, folded_terms, accent_terms)

    @property
    def is_empty(self):
        return not self.text

    @property
    def is_searchable(self):
        return bool(self.folded_terms)

    @property
    def folded(self):
        return " ".join(self.folded_terms)

    @property
    def has_marks(self):
        return self.accent_terms != self.folded_terms


def _index_texts(page_ids):
    """Title and (the start of) the indexed body text of pages, straight from the index."""
    IndexEntry = get_app_config().get_model("IndexEntry")
    if connection.vendor == "postgresql":
        title, body = "title_text", "body_text"
    else:
        title, body = "title", "body"
    cts = [ContentType.objects.get_for_model(model).pk for model in searchable_models()]
    rows = IndexEntry.objects.filter(
        content_type_id__in=cts, object_id__in=[str(pk) for pk in page_ids]
    ).values_list("object_id", title, Substr(body, 1, 4000))
    return {int(object_id): (t or "", b or "") for object_id, t, b in rows}


def rank_candidates(query, ranked_ids):
    """Order: exact-accent matches first (for an accented query), then titles that start with
    the query, then titles containing it, then the backend's relevance."""
    if not ranked_ids:
        return []
    texts = _index_texts(ranked_ids)
    accent_terms = set(query.accent_terms)
    phrase = query.folded

    def key(item):
        position, pk = item
        title, body = texts.get(pk, ("", ""))
        exact = 0
        if query.has_marks:
            words = set(_WORD.findall(nfc(f"{title} {body}").casefold()))
            exact = 0 if accent_terms <= words else 1
        folded_title = fold(title)
        in_title = 0 if folded_title.startswith(phrase) else 1 if phrase in folded_title else 2
        return (exact, in_title, position)

    return [pk for _position, pk in sorted(enumerate(ranked_ids), key=key)]


def candidate_ids(query, base_queryset):
    """Page ids matching the folded query, best first: whole words, then word prefixes."""
    folded = query.folded
    base = base_queryset.only("id")
    searched = [page.pk for page in base.search(folded, operator="and")[:MAX_CANDIDATES]]
    seen = set(searched)
    if len(searched) < MAX_CANDIDATES:
        for page in base.autocomplete(folded, operator="and")[:MAX_CANDIDATES]:
            if page.pk not in seen:
                searched.append(page.pk)
                seen.add(page.pk)
    return searched[:MAX_CANDIDATES]


def fuzzy_ids(query, base_queryset):
    """PostgreSQL only: trigram similarity on unaccented text, for typos ("dai hoj").

    Used when the exact search finds nothing; needs the unaccent and pg_trgm extensions
    (migration kontum_site 0002). Anywhere else, or without them, it finds nothing.
    """
    if connection.vendor != "postgresql":
        return []

    try:
        with transaction.atomic():
            results = base_queryset.only("id").search(Fuzzy(query.folded, unaccent=True))
            return [page.pk for page in results[:MAX_CANDIDATES]]
    except DatabaseError:
        return []


def highlight(text, query, length=SNIPPET_LENGTH):
    """An escaped snippet of ``text`` around the first match, matches wrapped in <mark>.

    Matching ignores tone marks and case, on the folded text; each folded character remembers
    where it came from, so a mark always covers whole letters, combining marks included.
    """
    text = nfc(text or "")
    if not text:
        return ""
    folded, starts = _fold_with_positions(text)
    spans = []
    for term in sorted(set(query.folded_terms), key=len, reverse=True):
        for match in re.finditer(r"(?<!\w)" + re.escape(term), folded):
            spans.append((starts[match.start()], _letter_end(text, starts[match.end() - 1])))
    spans = _merge(spans, text)
    start = 0
    if spans and len(text) > length:
        start = max(0, spans[0][0] - length // 4)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + length)
    while end < len(text) and not text[end - 1].isspace():
        end += 1
    out, cursor = [], start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[cursor:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    out.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(out).strip() + suffix)


def _fold_with_positions(text):
    """The folded text, and for each of its characters the position in ``text`` it came from.

    Folding keeps one character per letter: a letter of NFC Vietnamese is one code point, and a
    letter the minority orthographies build with a combining mark ("ơ̆": U+01A1 U+0306) folds
    to its base letter, the mark to nothing."""
    folded, starts = [], []
    for position, ch in enumerate(text):
        out = fold(ch)
        if len(out) != 1:
            if unicodedata.combining(ch):
                continue  # a mark of the letter before it
            out = ch.lower()[:1] or ch
        folded.append(out)
        starts.append(position)
    return "".join(folded), starts


def _letter_end(text, position):
    """The end of the letter at ``position``, with the combining marks that follow it."""
    end = position + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end


def _merge(spans, text):
    """Join overlapping spans and spans only whitespace apart ("Đại hội" as one mark)."""
    merged = []
    for s, e in sorted(spans):
        if merged and (s <= merged[-1][1] or not text[merged[-1][1] : s].strip()):
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


# --- the whole search -----------------------------------------------------------------------


@dataclass
class SearchOutcome:
    query: SearchQuery
    ids: list = field(default_factory=list)
    type_counts: list = field(default_factory=list)
    years: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    capped: bool = False
    fuzzy: bool = False


def cached_site_search(query, page_type=None, tag=None, year=None, request=None, locale=None):
    """`site_search`, kept in the cache for SEARCH_CACHE_SECONDS under the folded and the
    accented terms and the filters. Publishing anything bumps the `PUBLISHED` stamp,
    which is part of the key, so a new story is found at once. `locale`: the edition searched
    (every edition's pages when None)."""
    filters = {"page_type": page_type, "tag": tag, "year": year, "locale": locale}
    stamps = content_versions.stamps([content_versions.PUBLISHED], request)
    if not query.is_searchable or stamps is None:
        return site_search(query, **filters)
    key = "search:" + content_versions.digest(
        *stamps.values(),
        " ".join(query.folded_terms),
        " ".join(query.accent_terms),
        page_type._meta.label_lower if page_type else "",
        tag or "",
        year or "",
        locale.pk if locale is not None else "",
    )
    outcome = cache.get(key)
    if outcome is None:
        outcome = site_search(query, **filters)
        cache.set(key, outcome, getattr(settings, "SEARCH_CACHE_SECONDS", 300))
    else:
        outcome.query = query  # the reader's own spelling, for display
    return outcome


def site_search(query, page_type=None, tag=None, year=None, locale=None):
    """Ranked ids of live public pages for a query, with the facets of the whole match; only
    the pages of `locale` (a Wagtail locale: the edition being read) when given."""
    outcome = SearchOutcome(query)
    if not query.is_searchable:
        return outcome
    models = searchable_models()
    cts = {model: ContentType.objects.get_for_model(model) for model in models}
    base = Page.objects.live().public().filter(content_type__in=list(cts.values()))
    if locale is not None:
        base = base.filter(locale=locale)  # Page's own search filter field
    found = candidate_ids(query, base)
    if not found:
        found = fuzzy_ids(query, base)
        outcome.fuzzy = bool(found)
    ranked = rank_candidates(query, found)
    outcome.capped = len(ranked) >= MAX_CANDIDATES

    # Facets over every match (before the reader's filters narrow it).
    by_type = dict(
        Page.objects.filter(pk__in=ranked)
        .order_by()
        .values_list("content_type")
        .annotate(n=Count("pk"))
        .values_list("content_type", "n")
    )
    outcome.type_counts = [
        (model, cts[model], by_type[cts[model].pk]) for model in models if cts[model].pk in by_type
    ]
    allowed = set(ranked)
    if page_type is not None:
        allowed &= set(
            Page.objects.filter(pk__in=ranked, content_type=cts[page_type]).values_list(
                "pk", flat=True
            )
        )
    years, tags = set(), {}
    for model in models:
        if cts[model].pk not in by_type:
            continue
        in_model = model.objects.filter(pk__in=ranked)
        date_field = model.search_date_field
        years.update(d.year for d in in_model.dates(date_field, "year") if d)
        if model.search_tag_lookup:
            lookup = model.search_tag_lookup
            for slug, name, n in (
                in_model.values_list(f"{lookup}__slug", f"{lookup}__name")
                .annotate(n=Count("pk"))
                .exclude(**{f"{lookup}__slug": None})
                .order_by("-n")[:20]
            ):
                tags.setdefault(slug, [name, 0])[1] += n
        if year or tag:
            narrowed = in_model
            if year:
                narrowed = narrowed.filter(**{f"{date_field}__year": year})
            if tag:
                if not model.search_tag_lookup:
                    allowed -= set(in_model.values_list("pk", flat=True))
                    continue
                narrowed = narrowed.filter(**{f"{model.search_tag_lookup}__slug": tag})
            keep = set(narrowed.values_list("pk", flat=True))
            allowed -= set(in_model.values_list("pk", flat=True)) - keep
    outcome.years = sorted(years, reverse=True)
    outcome.tags = sorted(
        ((slug, name, n) for slug, (name, n) in tags.items()), key=lambda t: (-t[2], t[1])
    )[:15]
    outcome.ids = [pk for pk in ranked if pk in allowed]
    return outcome
