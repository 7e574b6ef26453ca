from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    """One Wagtail locale per edition (Wagtail made the default one, Vietnamese)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, *_names in settings.EDITIONS:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0054_initial_locale")]
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
