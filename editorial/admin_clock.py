"""The server's "now" for the admin's date pickers.

xdsoft's pickers take today's date and the hour they offer from the browser: a reporter whose
laptop runs on Paris time (or a wrong clock) got the hour of Paris for a go-live time the
server reads in Asia/Ho_Chi_Minh. Every admin page gets the server's wall-clock time in the
admin's time zone (settings.TIME_ZONE, or the one the user chose in Wagtail, the zone forms
are read in) on a script tag — no inline script under the site's CSP — and
`kontum_site/admin/kon_tum_clock.js` makes it the pickers' "now".
"""

from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html


def server_wall_clock():
    return timezone.localtime().strftime("%Y-%m-%dT%H:%M:%S")


def global_admin_js():
    return format_html(
        '<script src="{}" data-now="{}"></script>',
        static("kontum_site/admin/kon_tum_clock.js"),
        server_wall_clock(),
    )
