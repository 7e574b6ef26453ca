"""Records shared across editions: the registry (exemplars, campaigns, conferences) is kept in
Vietnamese; a record may have translations (Wagtail's Translate action). A story in the
English edition that names a record shows its English translation when one is live, as
Wagtail's `page.localized` would, otherwise the Vietnamese record, marked `lang="vi"`.

`in_edition` does it for a whole list in one query (`page.localized` costs two per record).
Each record returned carries `record_lang`, the language its texts are written in, for the
templates' `lang` attributes (they default to "vi" when it is not set).
"""

from editions.languages import DEFAULT


def in_edition(records, locale_id, language_code, queryset):
    """{record pk: the record to show in the edition of `locale_id`} for these records:
    their live translations there, read with `queryset` (its select_related and
    prefetch_related: the portraits), else the records themselves. One query, none when
    every record is already in that edition."""
    records = [record for record in records if record is not None]
    result = {}
    missing = []
    for record in records:
        if record.locale_id == locale_id:
            record.record_lang = language_code
            result[record.pk] = record
        else:
            missing.append(record)
    if not missing:
        return result
    found = {
        translation.translation_key: translation
        for translation in queryset.filter(
            translation_key__in={record.translation_key for record in missing},
            locale_id=locale_id,
        ).live()
    }
    for record in missing:
        shown = found.get(record.translation_key)
        if shown is not None:
            shown.record_lang = language_code
        else:
            shown = record
            shown.record_lang = DEFAULT  # the registry's records are written in Vietnamese
        result[record.pk] = shown
    return result
