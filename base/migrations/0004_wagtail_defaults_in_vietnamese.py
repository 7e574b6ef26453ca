"""Wagtail's own starting data, in Vietnamese: the root page and root collection are "Gốc";
its default groups "Editors" and "Moderators" go when no one is in them (the project's own
groups are Phóng viên, Biên tập viên, Kiểm duyệt viên); its default "Moderators approval"
workflow and task are renamed."""

from django.db import migrations

ROOT = "Gốc"
DEFAULT_WORKFLOW = "Duyệt mặc định (Wagtail)"


def forwards(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Page.objects.filter(depth=1, title="Root").update(title=ROOT, draft_title=ROOT)
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT)
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()
    Workflow.objects.filter(name="Moderators approval").update(name=DEFAULT_WORKFLOW)
    Task.objects.filter(name="Moderators approval").update(name=DEFAULT_WORKFLOW)


class Migration(migrations.Migration):
    dependencies = [
        ("kontum_site", "0003_content_page_privacy"),
        ("wagtailcore", "0001_initial"),
        ("auth", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
