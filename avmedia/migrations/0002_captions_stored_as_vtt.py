from django.db import migrations, models

import avmedia.models


def rename_stored_captions(apps, schema_editor):
    """Captions uploaded before under another name ("captions.html") get a .vtt name."""
    from django.core.files.base import ContentFile

    MediaItem = apps.get_model("avmedia", "MediaItem")
    for item in MediaItem.objects.exclude(captions="").exclude(captions__endswith=".vtt"):
        old_name = item.captions.name
        try:
            with item.captions.open("rb") as stored:
                content = stored.read()
        except OSError:
            continue
        new_name = avmedia.models.captions_path(item, old_name)
        item.captions.save(new_name, ContentFile(content), save=False)
        MediaItem.objects.filter(pk=item.pk).update(captions=item.captions.name)
        item.captions.storage.delete(old_name)


class Migration(migrations.Migration):
    dependencies = [
        ("avmedia", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="mediaitem",
            name="captions",
            field=models.FileField(
                blank=True,
                help_text="A .vtt file: shown on the video, and read out by screen readers.",
                upload_to=avmedia.models.captions_path,
                validators=[avmedia.models.validate_webvtt],
                verbose_name="captions (WebVTT)",
            ),
        ),
        migrations.RunPython(rename_stored_captions, migrations.RunPython.noop),
    ]
