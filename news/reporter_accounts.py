"""Every reporter's account has its own byline (a news.Reporter linked by `user`).

Made by `setup_roles` for the reporters already there, and at sign-in for one added later,
so the byline chooser always offers the signed-in reporter their own name.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from editorial.roles import REPORTERS

from .models import Reporter


def byline_name(user):
    return user.get_full_name().strip() or user.get_username()


def ensure_reporter_record(user):
    """The account's Reporter, created if it has none (only for members of the reporters)."""
    existing = Reporter.objects.filter(user=user).order_by("pk").first()
    if existing is not None or not user.groups.filter(name=REPORTERS).exists():
        return existing
    return Reporter.objects.create(name=byline_name(user), email=user.email or "", user=user)


def ensure_reporter_records():
    for user in get_user_model().objects.filter(groups__name=REPORTERS, is_active=True):
        ensure_reporter_record(user)


@receiver(user_logged_in)
def _reporter_signed_in(sender, request, user, **kwargs):
    ensure_reporter_record(user)
