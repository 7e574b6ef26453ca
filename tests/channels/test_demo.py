"""The demo's channels and today's schedule: made once, a second run writes nothing, and
a channel staff deleted stays deleted."""


def test_the_demo_channels_load_once(home_page):
    from channels import demo
    from channels.models import Channel, ScheduleDay, ScheduleSlot

    demo.load()
    assert sorted(Channel.objects.values_list("slug", flat=True)) == [
        "kttv-truyen-hinh-kon-tum",
        "phat-thanh-kon-tum",
    ]
    assert ScheduleDay.objects.count() == 2
    slots = ScheduleSlot.objects.count()
    demo.load()
    assert ScheduleDay.objects.count() == 2 and ScheduleSlot.objects.count() == slots
    Channel.objects.get(slug="phat-thanh-kon-tum").delete()
    demo.load()
    assert Channel.objects.count() == 1
