from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0004_honourees_become_award_records"),
    ]

    operations = [
        migrations.DeleteModel(name="ConferenceHonouree"),
    ]
