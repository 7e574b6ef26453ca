"""`{% story_card story variant="row" heading_level=2 show_lead=True %}` (news/cards.py)."""

from django import template

from news.cards import story_card as render_card

register = template.Library()


@register.simple_tag(takes_context=True)
def story_card(context, story, variant=None, heading_level=3, show_lead=False):
    return render_card(
        story,
        request=context.get("request"),
        variant=variant,
        heading_level=heading_level,
        show_lead=show_lead,
    )
