"""Production: refuses to start without a real SECRET_KEY; passes `check --deploy`."""

from django.core.exceptions import ImproperlyConfigured

from kontum_site.settings.base import *  # noqa: F403
from kontum_site.settings.base import SECRET_KEY, TASK_BACKENDS, env_bool

if (
    not SECRET_KEY
    or SECRET_KEY.startswith("django-insecure")
    or len(set(SECRET_KEY)) < 5
    or len(SECRET_KEY) < 50
):
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random value of 50 or more characters for production."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
X_FRAME_OPTIONS = "DENY"

# A real queue in production: mail and other background work survive the request and the
# process (`manage.py db_worker`); TASKS_BACKEND=immediate still works for a one-box trial.
_tasks_backend = os.environ.get("TASKS_BACKEND", "database")  # noqa: F405
TASKS = {"default": {"BACKEND": TASK_BACKENDS.get(_tasks_backend, _tasks_backend)}}
# Persistent database connections, checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Behind the shipped nginx, a document or original image a view allows goes out through
# X-Accel-Redirect to an `internal` location (base/media_accel.py, deploy/nginx);
# MEDIA_ACCEL_REDIRECT=0 streams them from Python (no nginx in front).
if env_bool("MEDIA_ACCEL_REDIRECT", True):
    SENDFILE_BACKEND = "base.media_accel"
