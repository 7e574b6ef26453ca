"""The search backend: Wagtail's database backend, given every query in NFC.

Text is stored in NFC (language/vietnamese.py), but a query typed on a Mac or with Unikey's
"Unicode tổ hợp" arrives in NFD. SQLite's FTS5 tokenizer strips the marks either way, so it
matched; PostgreSQL's text search compares the letters as typed, so "Čơ̆" (or "Đại") in NFD
found nothing in the admin's page search, page chooser or snippet listings. Normalising here,
the one place every query passes (settings WAGTAILSEARCH_BACKENDS), treats them all alike.
"""

from functools import cache

from modelsearch.backends import database
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from language.vietnamese import nfc


def nfc_query(query):
    """``query`` (a string or a search query object) with its text in NFC."""
    if isinstance(query, str):
        return nfc(query)
    if isinstance(query, PlainText):
        return PlainText(nfc(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(nfc(query.query_string))
    if isinstance(query, Fuzzy):
        return Fuzzy(nfc(query.query_string), operator=query.operator, unaccent=query.unaccent)
    if isinstance(query, Boost):
        return Boost(nfc_query(query.subquery), query.boost)
    if isinstance(query, Not):
        return Not(nfc_query(query.subquery))
    if isinstance(query, (And, Or)):
        return type(query)([nfc_query(subquery) for subquery in query.subqueries])
    return query


@cache
def _with_nfc_queries(backend_class):
    class NFCSearchBackend(backend_class):
        def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
            return super()._search(
                query_compiler_class, nfc_query(query), model_or_queryset, **kwargs
            )

    NFCSearchBackend.__name__ = f"NFC{backend_class.__name__}"
    return NFCSearchBackend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    """The database backend for this connection's vendor, as Wagtail would pick it."""
    backend_class = type(database.SearchBackend(params))
    return _with_nfc_queries(backend_class)(params)
