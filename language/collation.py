"""Vietnamese alphabetical order in admin listings: "Đức Thắng" before "Y Nhung".

Databases sort by code point by default (SQLite always; PostgreSQL with a "C" or English
locale), which puts every "Đ…" after "Z" and "Ă/Â" after "A…z". We sort name and title
columns with a Vietnamese collation: PostgreSQL's ICU "vi-x-icu", and on SQLite a "vi"
collation registered on each connection from ``collation_key`` (a b c d đ e ê …, then tones).
"""

import unicodedata

from django.db import connection as default_connection
from django.db.backends.signals import connection_created
from django.db.models import F
from django.db.models.expressions import OrderBy
from django.db.models.functions import Collate
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

# The Vietnamese alphabet; letters outside it (f, j, w, z, digits, others) sort by code point.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_MODIFIERS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # ngang huyền sắc hỏi ngã nặng
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_RANK.update({"f": _RANK["e"] + 0.5, "j": _RANK["i"] + 0.5, "w": _RANK["v"] + 0.5})
_RANK.update({"z": _RANK["y"] + 0.5})


def collation_key(text):
    """A sort key in Vietnamese order: letters first, then tone marks, then case."""
    letters, tones = [], []
    for cluster in _clusters(unicodedata.normalize("NFD", text or "")):
        base, marks = cluster[0], cluster[1:]
        letter = unicodedata.normalize(
            "NFC", base.casefold() + "".join(m for m in marks if m in _LETTER_MODIFIERS)
        )
        tone = next((m for m in marks if m in _TONES), "")
        rank = _RANK.get(letter)
        if rank is not None:
            letters.append((1, rank))
        else:  # spaces and punctuation before letters, other letters after the alphabet
            letters.append((2 if letter[0].isalpha() else 0, ord(letter[0])))
        tones.append(_TONES.index(tone))
    return (letters, tones, text or "")


def _clusters(decomposed):
    cluster = ""
    for char in decomposed:
        if cluster and unicodedata.combining(char):
            cluster += char
        else:
            if cluster:
                yield cluster
            cluster = char
    if cluster:
        yield cluster


def _compare(left, right):
    a, b = collation_key(left), collation_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation("vi", _compare)


def connect_signals():
    connection_created.connect(register_sqlite_collation, dispatch_uid="vietnamese-collation")


def collation_name(connection=None):
    vendor = (connection or default_connection).vendor
    return {"postgresql": "vi-x-icu", "sqlite": "vi"}.get(vendor)


def vietnamese_order_by(ordering, fields):
    """``ordering`` (strings like "name", "-title") with the ``fields`` given collated."""
    collation = collation_name()
    result = []
    for item in ordering:
        bare = item.lstrip("-") if isinstance(item, str) else None
        if collation and bare in fields:
            result.append(OrderBy(Collate(F(bare), collation), descending=item.startswith("-")))
        else:
            result.append(item)
    return result


def in_vietnamese_order(queryset, fields):
    """The queryset, its name/title ordering (explicit or the model's) collated."""
    query = queryset.query
    ordering = list(query.order_by) or (
        list(queryset.model._meta.ordering) if query.default_ordering else []
    )
    if not any(isinstance(item, str) and item.lstrip("-") in fields for item in ordering):
        return queryset
    return queryset.order_by(*vietnamese_order_by(ordering, fields))


class VietnameseOrderingMixin:
    """For an admin IndexView: the listing's name/title columns sort in Vietnamese order."""

    collated_fields = ("name", "title")

    def order_queryset(self, queryset):
        return in_vietnamese_order(super().order_queryset(queryset), set(self.collated_fields))


class VietnameseSnippetIndexView(VietnameseOrderingMixin, SnippetIndexView):
    """A snippet listing in Vietnamese alphabetical order ("Đức" before "Y")."""
