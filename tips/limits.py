"""How many tips one reader's network may send per hour (like comments' flood limit).

Counted in the cache with one atomic increment before anything is stored; when the cache does
not answer, the stored tips of the last hour are counted instead."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from security import rate_window
from security.client_ip import network

from .models import Tip

WINDOW = 3600


def allowed(ip):
    """(True, 0) or (False, seconds until the reader may send again)."""
    limit = settings.TIPS_PER_HOUR
    if not limit:
        return True, 0
    net = network(ip) or "unknown"
    count, left = rate_window.hit(f"tips:{net}", WINDOW)
    if count is None:  # the cache is down: count what is stored
        since = timezone.now() - timedelta(seconds=WINDOW)
        recent = Tip.objects.filter(created_at__gte=since)
        recent = recent.filter(ip_address=ip) if ip else recent
        count = recent.count() + 1
        left = WINDOW
    return (count <= limit), (0 if count <= limit else left)
