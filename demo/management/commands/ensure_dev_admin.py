import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.roles import EDITORS, REPORTERS

MODERATORS = "Kiểm duyệt viên"  # comments.roles.MODERATORS (kontum_site imports no app)

# (username, first name, last name, group, what the role does). Names in Vietnamese order:
# Django's get_full_name() is "first last", so the family name goes first.
DEMO_ACCOUNTS = [
    (
        "phongvien",
        "Nguyễn Thị",
        "Hồng Nhung",
        REPORTERS,
        gettext_lazy("writes and submits stories"),
    ),
    ("bientap", "Trần Văn", "Bình", EDITORS, gettext_lazy("reviews, edits and publishes")),
    ("kiemduyet", "Lê Thị", "Hoa", MODERATORS, gettext_lazy("moderates readers' comments")),
    (
        "truongban",
        "Phạm Văn",
        "Hùng",
        "Trưởng ban Thời sự",  # news.roles: the desk heads of the section Thời sự
        gettext_lazy("reviews the Thời sự section's stories (step 2 of 3)"),
    ),
    (
        "tongbientap",
        "Võ Thị",
        "Mai",
        "Tổng biên tập",  # news.roles.EDITOR_IN_CHIEF
        gettext_lazy("approves and publishes the sections' stories (step 3 of 3)"),
    ),
]


class Command(BaseCommand):
    help = (
        "Development only: create the 'admin' superuser and one demo account per role "
        "(reporter, editor, moderator) once, and print their passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", help="Where the site is served, e.g. http://127.0.0.1:8000")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin runs only with DEBUG on.")
        root = (options.get("url") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
        self.stdout.write(_("The site: %(url)s/  ·  the admin: %(url)s/admin/") % {"url": root})
        User = get_user_model()
        created = []
        if not User.objects.filter(username="admin").exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.invalid", password)
            created.append(("admin", password, _("everything (superuser)")))
        for username, first, last, group_name, role in DEMO_ACCOUNTS:
            group = Group.objects.filter(name=group_name).first()
            if group is None or User.objects.filter(username=username).exists():
                continue
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username, f"{username}@example.invalid", password, first_name=first, last_name=last
            )
            user.groups.add(group)
            created.append((username, password, f"{group_name}: {role}"))
        if created:
            self.stdout.write(self.style.SUCCESS(_("Accounts (passwords shown this once):")))
            for username, password, role in created:
                self.stdout.write(f"  {username:<10} {password}   {role}")
            self.stdout.write(
                _("Change one with: .venv/bin/python manage.py changepassword USERNAME")
            )
        else:
            self.stdout.write(
                _(
                    "Log in as admin, phongvien, bientap, kiemduyet, truongban or tongbientap "
                    "(passwords were printed on "
                    "the first `make run`; reset one with: "
                    ".venv/bin/python manage.py changepassword USERNAME)."
                )
            )
