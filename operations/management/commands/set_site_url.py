from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Make the default Site answer at this root URL (default: SITE_URL), so every absolute "
        "link (sitemap, canonical, Open Graph, feeds, API, mails) uses it."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="e.g. https://kontumtv.vn")

    def handle(self, *args, url=None, **options):
        url = url or getattr(settings, "SITE_URL", "")
        parts = urlsplit(url or "")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CommandError("Give a root URL such as https://kontumtv.vn (or set SITE_URL).")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Site yet: run `manage.py load_demo` first.")
        site.hostname = parts.hostname
        site.port = parts.port or (443 if parts.scheme == "https" else 80)
        site.save()
        self.stdout.write(f"Site: {site.root_url}")
