"""A shared record (exemplar, campaign) in the edition being read (exemplars/editions.py)."""

from django import template

from editions.editions import current_language

register = template.Library()


@register.simple_tag(takes_context=True)
def record_in_edition(context, record):
    """The record to show: the one the page chose for its edition (`records_in_edition`, read
    for all of them at once by the story), else its live translation in the edition being
    read (Wagtail's `localized`), else the record itself; `record_lang` is the language of
    its texts."""
    if record is None:
        return None
    chosen = context.get("records_in_edition") or {}
    if record.pk in chosen:
        return chosen[record.pk]
    record = record.specific
    if "records_in_edition" in context:
        return record  # the page looked: no translation to show
    shown = record.localized
    if shown.pk != record.pk:
        shown.record_lang = current_language()
    return shown
