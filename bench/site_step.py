"""Bench step: the demo site (home page, sections, roles) and a staff account for logged-in URLs."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

BENCH_USER = "bench-editor"


def build(ctx):
    if get_user_model().objects.filter(username=BENCH_USER).exists():
        ctx.say("  demo site already there")
        return
    call_command("load_demo", stdout=_Quiet())
    user, _created = get_user_model().objects.get_or_create(
        username=BENCH_USER, defaults={"email": "bench@example.invalid", "is_superuser": True}
    )
    user.is_staff = user.is_superuser = True
    user.set_unusable_password()
    user.save()
    ctx.say("  demo site loaded, staff account ready")


def targets(ctx):
    ctx.target("home", "/")
    ctx.target("home (cold: no cached parts)", "/", cold=True)


class _Quiet:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass
