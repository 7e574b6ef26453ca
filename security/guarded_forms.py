"""The sign-in and password forms of the site, with the limits of `password_guard`.

Wagtail's admin sign-in takes its form from WAGTAILADMIN_USER_LOGIN_FORM; the front-end
sign-in (login-restricted pages) and the password forms of pages and document collections
are served by our views in `guarded_views` at Wagtail's own URLs.
"""

from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from wagtail.admin.forms.auth import LoginForm
from wagtail.forms import PasswordViewRestrictionForm

from security.password_guard import PasswordGuard


class GuardedSignInMixin:
    """Refuses any sign-in while the account or the network is locked out; counts failures.
    The bound form keeps the username, so the page shown again has it filled in."""

    def clean(self):
        guard = PasswordGuard("sign-in", self.data.get("username", ""), self.request)
        seconds = guard.seconds_locked()
        if seconds:
            raise guard.locked_error(seconds)
        try:
            return super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                guard.failed()
                seconds = guard.seconds_locked()
                if seconds:
                    raise guard.locked_error(seconds) from error
            raise


class AdminLoginForm(GuardedSignInMixin, LoginForm):
    pass


class SiteLoginForm(GuardedSignInMixin, AuthenticationForm):
    pass


class GuardedPasswordForm(PasswordViewRestrictionForm):
    """A page's or collection's shared password: limited per restriction and per network."""

    def __init__(self, *args, request=None, kind="page-password", **kwargs):
        super().__init__(*args, **kwargs)
        self.guard = PasswordGuard(kind, self.restriction.pk, request)

    def clean_password(self):
        seconds = self.guard.seconds_locked()
        if seconds:
            raise self.guard.locked_error(seconds)
        try:
            return super().clean_password()
        except ValidationError:
            self.guard.failed()
            seconds = self.guard.seconds_locked()
            if seconds:
                raise self.guard.locked_error(seconds) from None
            raise
