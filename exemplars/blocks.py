from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ExemplarCardBlock(blocks.StructBlock):
    """A card for an exemplar inside a story's body; counts as a mention (reference index)."""

    exemplar = blocks.PageChooserBlock(page_type="exemplars.ExemplarPage", label=_("Exemplar"))
    note = blocks.CharBlock(
        label=_("Note"), required=False, help_text=_("Optional: why they appear in this story.")
    )

    class Meta:
        icon = "user"
        label = _("Exemplar card")
        template = "exemplars/blocks/exemplar_card.html"
