"""Settings shared by every environment; each value that varies comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# Addresses or networks (CIDR) of the proxies in front (Varnish, nginx): only a request from
# one of them may name the client in X-Forwarded-For (security/client_ip.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Our apps, from the foundations up; what each may import: docs/architecture.md.
INSTALLED_APPS = [
    "language",
    "caching",
    "editions",
    "security",
    "operations",
    "editorial",
    "base",
    "discovery",
    "demo",
    "news",
    "campaigns",
    "exemplars",
    "comments",
    "outbox",
    "drafts",
    "wordpress_import",
    "avmedia",
    "programmes",
    "sharing",
    "tips",
    "channels",
    "liveblog",
    "wagtailmedia",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    # Not "wagtail.contrib.frontend_cache": its signal handlers purged every published page
    # again, one URL per language, by urlopen without a time limit (a task: inside the
    # publication with TASKS_BACKEND=immediate). caching.front_cache purges the front itself,
    # within FRONT_PURGE_TIMEOUT, and hands CDN backends to Wagtail's purge task (issue 26).
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "editorial.users_config.KontumUsersConfig",  # "wagtail.users", users in Vietnamese order
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "caching.compression.CompressionMiddleware",
    "language.middleware.ControlCharactersMiddleware",
    "caching.front_cache.SharedCacheHeadersMiddleware",
    "caching.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "editions.middleware.EditionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "kontum_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "base.context_processors.site_navigation",
            ],
        },
    },
]

# Plain widgets written in Python, the rest by Django (base/form_renderer.py).
FORM_RENDERER = "base.form_renderer.SiteFormRenderer"

WSGI_APPLICATION = "kontum_site.wsgi.application"

# SQLite by default so `make run` works on a bare machine; PostgreSQL when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Degrades to "no cache" when Redis is gone (caching/resilient_cache.py);
            # short timeouts so a dead or hanging Redis costs milliseconds, not seconds.
            "BACKEND": "caching.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kontum",
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
                "health_check_interval": 30,
            },
        }
    }
else:
    # --- Shared cache without Redis (issue 22) -------------------------------------------
    # Content stamps, routes, fragments and the page cache must be the same for every
    # process: the web workers, `run_periodic` (scheduled publishing), the import commands
    # and other nodes. Local memory was per process, so what another process published stayed
    # invisible for days. Django's database cache is shared by everything that shares the
    # database (nodes too, unlike a file cache); its table comes with `migrate`
    # (kontum_site/migrations/0006_shared_cache_table.py). Measured on the demo (SQLite, a
    # render from cached parts): local memory 5.6 ms, database 7.0 ms, files 6.4 ms.
    CACHES = {
        "default": {
            # Django's DatabaseCache with set_many in one statement (caching/db_cache.py).
            "BACKEND": "caching.db_cache.SharedDatabaseCache",
            "LOCATION": "kontum_cache",
            "KEY_PREFIX": "kontum",
            # Each write counts the rows (a cull past this): room for a site's fragments.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
    # --- end of the shared cache without Redis -------------------------------------------

# Full-page cache for anonymous readers (caching/page_cache.py), in the shared cache
# (Redis or the database): a purge reaches every worker and node.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
PAGE_CACHE_BROWSER_MAX_AGE = int(os.environ.get("PAGE_CACHE_BROWSER_MAX_AGE", "10"))
PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", "600"))
# Parts of pages kept in the cache until what they show changes (templatetags/fragments.py);
# off only to measure a render from nothing (the bench's "cold" rows).
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE_ENABLED", True)
FRAGMENT_CACHE_TIMEOUT = int(os.environ.get("FRAGMENT_CACHE_TIMEOUT", "3600"))
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "300"))
# Query parameters every page may read (pagination; the comments section's page, order, reply
# and notice); page types add theirs as `cache_query_params`. A request with any other
# parameter is served but not stored, and one path keeps at most PAGE_CACHE_VARIANTS_PER_PATH
# variants (query strings, languages, hosts) until its next purge or PAGE_CACHE_TIMEOUT.
PAGE_CACHE_COMMON_QUERY_PARAMS = ["page", "trang-binh-luan", "thu-tu", "tra-loi", "binh-luan"]
PAGE_CACHE_VARIANTS_PER_PATH = int(os.environ.get("PAGE_CACHE_VARIANTS_PER_PATH", "50"))
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/documents/", "/csrf-token/"]
# Saving or deleting one of these changes many pages: the whole page cache is purged.
PAGE_CACHE_PURGE_ALL_ON_SAVE = [
    "wagtailcore.Site",
    "wagtailimages.Image",  # an edited picture (focal point, file) gets new renditions
    "kontum_site.SiteIdentity",
    "news.Reporter",
    "news.NewsTag",
    "comments.CommentSettings",
    "exemplars.AwardType",
    "exemplars.Place",
    "exemplars.EthnicGroup",
    "exemplars.Sector",
]

# An HTTP cache in front (Varnish, see deploy/varnish/) is purged on publish.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
# The code release (e.g. the deployed commit): part of every cache key (caching/release.py).
KONTUM_RELEASE = os.environ.get("KONTUM_RELEASE", "")
# Feeds, sitemap, API, search, exports: how long the front may keep them when a purge is lost
# (each publication bans them all at once); the front's PURGE requests' time limit in a
# request (a retry task follows). See caching/front_cache.py.
FRONT_LISTING_SHARED_MAX_AGE = int(os.environ.get("FRONT_LISTING_SHARED_MAX_AGE", "60"))
FRONT_PURGE_TIMEOUT = float(os.environ.get("FRONT_PURGE_TIMEOUT", "2"))
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first. Each language is an edition with its own addresses (/en/, /bdq/…) and
# home page (the `editions` app, which also teaches Django the three minority languages).
# Ba Na, Xơ Đăng and Gia Rai have no two-letter code: their ISO 639-3 codes are the BCP 47
# tags. (code, name in English, name in Vietnamese, name in the language itself)
LANGUAGE_CODE = "vi"
EDITIONS = [
    ("vi", "Vietnamese", "Tiếng Việt", "Tiếng Việt"),
    ("en", "English", "Tiếng Anh", "English"),
    ("bdq", "Bahnar", "Tiếng Ba Na", "Bahnar"),
    ("sed", "Sedang", "Tiếng Xơ Đăng", "Xơ Đăng"),
    ("jra", "Jarai", "Tiếng Gia Rai", "Jrai"),
]
LANGUAGES = [(code, _(english)) for code, english, _vietnamese, _own in EDITIONS]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The project catalog, then Wagtail admin strings Wagtail leaves untranslated (editorial).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "editorial" / "admin_locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# A translation is made page by page by the desk (simple_translation), never a mirror of the
# whole tree: the English edition is not every Vietnamese story.
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Báo điện tử Kon Tum <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail server that hangs must not hold a worker (or a request) for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# Seconds before each further attempt at a mail the server did not take (outbox/delivery.py).
OUTBOX_RETRY_DELAYS = [int(n) for n in env_list("OUTBOX_RETRY_DELAYS", "120,480,1200")]
# Sent mail (and mail that failed for good) is deleted this many days later (0: kept).
OUTBOX_SENT_KEEP_DAYS = int(os.environ.get("OUTBOX_SENT_KEEP_DAYS", "30"))

# Seconds readers are asked to wait (Retry-After of the 503) while the database is down.
DATABASE_DOWN_RETRY_AFTER = int(os.environ.get("DATABASE_DOWN_RETRY_AFTER", "30"))

# Background work (django-tasks): "immediate" runs tasks inside the request (dev, tests);
# "database" queues them in the database for `manage.py db_worker` (production's default).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.backend.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {"default": {"BACKEND": TASK_BACKENDS.get(TASKS_BACKEND, TASKS_BACKEND)}}

# A task RUNNING this long is taken to have lost its worker and is queued again, at most
# TASKS_MAX_ATTEMPTS runs in all (operations/task_recovery.py). Keep it above the longest task.
TASKS_STALE_AFTER = int(os.environ.get("TASKS_STALE_AFTER", "600"))
TASKS_MAX_ATTEMPTS = int(os.environ.get("TASKS_MAX_ATTEMPTS", "3"))

# `manage.py run_periodic` (one process per site, see README "Production") runs these:
# (dotted path of a function, seconds between runs). Each job is safe to run twice at once.
PERIODIC_JOBS = [
    ("operations.periodic.publish_scheduled", 10),
    ("outbox.delivery.deliver_due", 15),
    ("outbox.periodic.prune_sent", 3600),
    ("comments.periodic.moderator_digest", 60),
    ("comments.periodic.purge_ips", 3600),
    ("comments.periodic.purge_spam_and_trash", 3600),
    ("drafts.periodic.purge_abandoned_drafts", 3600),
    ("discovery.search_log.prune", 3600),
    ("operations.task_recovery.requeue_stale", 60),
    ("tips.privacy.purge_ips", 3600),
    # At a slot's start the pages showing "Đang phát / Tiếp theo" are purged (channels/).
    ("channels.periodic.refresh_at_boundaries", 10),
]
# Readers' tips (tips app): files kept outside MEDIA_ROOT, never served by the web server.
TIPS_PRIVATE_ROOT = Path(os.environ.get("TIPS_PRIVATE_ROOT", BASE_DIR / "private" / "tips"))
TIPS_MAX_FILES = int(os.environ.get("TIPS_MAX_FILES", "5"))
TIPS_MAX_IMAGE_BYTES = int(os.environ.get("TIPS_MAX_IMAGE_BYTES", str(10_000_000)))
TIPS_MAX_VIDEO_BYTES = int(os.environ.get("TIPS_MAX_VIDEO_BYTES", str(50_000_000)))
TIPS_MAX_TOTAL_BYTES = int(os.environ.get("TIPS_MAX_TOTAL_BYTES", str(60_000_000)))
TIPS_MAX_VIDEO_SECONDS = int(os.environ.get("TIPS_MAX_VIDEO_SECONDS", "180"))
TIPS_PER_HOUR = int(os.environ.get("TIPS_PER_HOUR", "5"))  # per reader network (/24, /48)
TIPS_KEEP_IP_DAYS = int(os.environ.get("TIPS_KEEP_IP_DAYS", "30"))
# Spam and trashed comments are removed this many days after they went there (0: never).
COMMENTS_PURGE_AFTER_DAYS = int(os.environ.get("COMMENTS_PURGE_AFTER_DAYS", "30"))
# A new page that autosave made from a title alone, untouched this many hours, is removed.
DRAFTS_ABANDONED_AFTER_HOURS = int(os.environ.get("DRAFTS_ABANDONED_AFTER_HOURS", "24"))
# The public registry export (CSV/XLSX) per reader network and hour; staff are not limited.
EXEMPLARS_PUBLIC_EXPORTS_PER_HOUR = 10

WAGTAIL_SITE_NAME = "Kon Tum Online"
# The read API (discovery/api.py): up to 100 items a request (a listing costs the same
# queries whatever its length), and how long a browser may keep an answer (the front's
# s-maxage comes from caching/front_cache.py).
WAGTAILAPI_LIMIT_MAX = 100
API_BROWSER_MAX_AGE = 60
# The public root URL (`manage.py set_site_url` makes the default Site answer there) and the
# admin's, used in mails; the admin's defaults to the public one.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL or "http://127.0.0.1:8000"
)
# PostgreSQL only: "simple" = no English stemming or stop words ("a", "to", "do" are Vietnamese
# words too); the trigram fallback for typos accepts close matches only (0.3 is too loose).
# The search terms log (discovery/search_log.py): searches that found something, at most
# this many different queries a day, daily counts kept this many days.
SEARCH_LOG_QUERIES_PER_DAY = int(os.environ.get("SEARCH_LOG_QUERIES_PER_DAY", "1000"))
WAGTAILSEARCH_HITS_MAX_AGE = int(os.environ.get("SEARCH_LOG_DAYS", "30"))
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, every query in NFC first (discovery/search_backend.py).
        "BACKEND": "discovery.search_backend",
        "SEARCH_CONFIG": "simple",
        "FUZZY_SIMILARITY_THRESHOLD": 0.6,
    }
}
# Documents go through Wagtail's view, which checks their collection's restrictions (password,
# login, groups); original images through base/private_media.py. The shipped nginx never
# serves documents/ or original_images/ from the folder (README "Private files").
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "doc", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Audio and video (wagtailmedia) with our captions, poster and transcript: avmedia/models.py.
WAGTAILMEDIA = {"MEDIA_MODEL": "avmedia.MediaItem"}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Form input read as the admin writes it (day first): language/formats/*/formats.py.
FORMAT_MODULE_PATH = ["language.formats"]

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Sections of the home page, each provided by the app that owns the content (see home_sections.py).
HOME_SECTION_PROVIDERS = [
    "news.home.latest_news",
    "news.home.news_index_link",
    "news.home.home_rankings",
    "campaigns.home.campaign_sections",
    "exemplars.home.featured_exemplars",
]
# Read on every home render, outside the cached fragments: the breaking-news banner, and the
# period that renews the most-read list (news.home.breaking_news, news.most_read.home_context).
HOME_LIVE_PROVIDERS = [
    "news.home.breaking_news",
    "news.most_read.home_context",
    "channels.home.on_air_now",
    "liveblog.home.live_badge",  # the "Trực tiếp" badge while a live blog runs
]

# `manage.py load_demo` runs these in order; each app adds its own (idempotent, no network).
DEMO_LOADERS = [
    "demo.site.load",
    "demo.site.load_editions",
    "campaigns.demo.load",
    "exemplars.demo.load",
    "news.demo.load",
    "liveblog.demo.load",
    "programmes.demo.load",
    "channels.demo.load",
    "news.demo_links.link_stories",
    "demo.site.load_roles",
    "comments.demo.load",
    # After the comments: the demo's readers comment on the Vietnamese stories.
    "news.demo_editions.load",
    "programmes.demo_editions.load",
]
# `manage.py setup_roles` (and load_demo, through the loaders) creates staff groups with these.
ROLE_SETUPS = [
    "news.roles.ensure_roles",
    "exemplars.roles.ensure_roles",
    "campaigns.roles.ensure_roles",
    "comments.roles.ensure_roles",
    "tips.roles.ensure_roles",
    "channels.roles.ensure_roles",
    "liveblog.roles.ensure_roles",
    "editorial.translators.ensure_roles",
]
# `make bench` builds its dataset with these steps (modules with build(ctx) and targets(ctx)).
BENCH_DATASET_STEPS = [
    "bench.site_step",
    "bench.steps.news",
    "bench.steps.campaigns",
    "bench.steps.exemplars",
    "bench.steps.comments",
]
TAGGIT_TAGS_FROM_STRING = "editorial.tagging.parse_tags"
# The demo's comment threads go on these page types first (comments itself knows only Page).
COMMENTS_DEMO_PAGE_MODELS = ["news.ArticlePage"]

# --- Accounts and security headers (security/password_guard.py, security_headers.py) ---
# Wrong passwords (staff sign-in, page and collection passwords) per account and per reader
# network (/24, /48) in a fixed window; once used up, no password is checked until it ends.
WAGTAILADMIN_USER_LOGIN_FORM = "security.guarded_forms.AdminLoginForm"
PASSWORD_GUARD_WINDOW_SECONDS = int(os.environ.get("PASSWORD_GUARD_WINDOW_SECONDS", "900"))
PASSWORD_GUARD_FAILURES_PER_ACCOUNT = int(
    os.environ.get("PASSWORD_GUARD_FAILURES_PER_ACCOUNT", "5")
)
PASSWORD_GUARD_FAILURES_PER_NETWORK = int(
    os.environ.get("PASSWORD_GUARD_FAILURES_PER_NETWORK", "20")
)
# The admin's "forgot password" mail is queued in the outbox (retried when SMTP is down), at
# most this many per address and hour.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "outbox.password_reset.OutboxPasswordResetForm"
PASSWORD_RESET_MAILS_PER_HOUR = 3
# Content-Security-Policy and Permissions-Policy on every answer (security_headers.py, placed
# right after SecurityMiddleware): scripts from our origin only, never inline or eval.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "security.security_headers.SecurityHeadersMiddleware",
)
# Sites whose players a story may embed ("video from another site"); space-free origins.
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com,"
    "https://www.facebook.com",
)
# Origins of the live channels' streams when not on this site (channels/: HLS and audio).
CSP_STREAM_SOURCES = env_list("CSP_STREAM_SOURCES", "")
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "media-src": ["'self'", "blob:", *CSP_STREAM_SOURCES],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", *CSP_STREAM_SOURCES],
    "frame-src": ["'self'", *CSP_FRAME_SOURCES],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
# A first deployment may watch the console with the policy reported only (1), then enforce.
CONTENT_SECURITY_POLICY_REPORT_ONLY = env_bool("CONTENT_SECURITY_POLICY_REPORT_ONLY", False)
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
# --- end of accounts and security headers ---
