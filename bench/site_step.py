"""Bench step: the demo site (home page, sections, roles) and a staff account for logged-in URLs."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

BENCH_USER = "bench-editor"
BENCH_MODERATOR = "bench-moderator"


def moderator():
    """The account of the bench's logged-in URLs (the moderation queue): a member of "Kiểm
    duyệt viên", as the queue's users are, never a superuser (whose permission checks Django
    and Wagtail skip: the queue timed as one costs less than a moderator's). Made on first use,
    so a dataset built before it gets one too."""
    from comments.roles import ensure_roles

    user, created = get_user_model().objects.get_or_create(
        username=BENCH_MODERATOR,
        defaults={"email": "moderator@example.invalid", "is_staff": True},
    )
    if created:  # a new unusable password would end the sessions made before
        user.set_unusable_password()
        user.save()
        user.groups.set([ensure_roles()])
    return user


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
