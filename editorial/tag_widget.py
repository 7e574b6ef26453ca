"""The admin's tag field, as people type it: one true help line in Vietnamese, and Enter,
comma or Tab add the typed tag even while suggestions show (static/kontum_site/admin/
tag_keys.js). Wagtail's field says "A comma-separated list of tags." (taggit's default) and
adds a line about double quotes the field does not need."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.forms.tags import TagField
from wagtail.admin.widgets import AdminTagWidget

TAG_HELP = _("Type a tag and press Enter, comma or Tab to add it. A tag can be several words.")


class VietnameseTagWidget(AdminTagWidget):
    class Media:
        js = ["kontum_site/admin/tag_keys.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["help_text"] = ""  # the field's own help says it all
        return context


class VietnameseTagField(TagField):
    widget = VietnameseTagWidget


def register(manager_class):
    """Every ``manager_class`` tag field in the admin gets the widget and the help line."""
    register_form_field_override(
        manager_class,
        override=lambda db_field: {
            "form_class": VietnameseTagField,
            "tag_model": db_field.related_model,
            "help_text": TAG_HELP,
        },
    )
