from kontum_site.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-with-enough-length-and-entropy-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
DEMO_IMAGE_SIZE = (480, 270)  # demo pictures small in tests: renditions stay cheap
PAGE_CACHE_TIMEOUT = 600
# The bench's dataset steps are tested too (tests/performance).
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
