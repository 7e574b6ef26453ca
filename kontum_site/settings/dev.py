from kontum_site.settings.base import *  # noqa: F403
from kontum_site.settings.base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "django-insecure-dev-only-key-never-use-in-production"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The site's own Vietnamese 404 page instead of Django's English debug page (500s keep theirs).
MIDDLEWARE = [*MIDDLEWARE, "operations.dev_not_found.SiteNotFoundPageMiddleware"]  # noqa: F405
# `make bench` (the benchmark dataset and load): a development tool, never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
