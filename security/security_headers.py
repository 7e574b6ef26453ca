"""Content-Security-Policy and Permissions-Policy on every answer, public and admin alike.

Scripts come from the site's own origin only: no 'unsafe-inline', no 'unsafe-eval', no
nonces needed, because no template of ours (nor of the Wagtail admin, with the few inline
scripts Wagtail still ships replaced in `templates/wagtailadmin/`, see `static/js/
admin_inline_scripts.js`) runs inline script. Styles may be inline: the admin and the
embeds use style attributes, and a style cannot run code. Pictures may come from any https
origin (embed thumbnails in the admin); frames only from the video sites of
CSP_FRAME_SOURCES (the story's "video from another site" block).

`frame-ancestors` follows each answer's X-Frame-Options (DENY → 'none', SAMEORIGIN → 'self':
Wagtail's preview is framed by the admin), since browsers that read CSP ignore that header.
An answer that already has a policy keeps it (Wagtail's document view sets a stricter one).
Django 5.2 has no CSP of its own; two fixed headers need no package (django-csp's nonces and
per-view policies would be unused here).
"""

from django.conf import settings

FRAME_ANCESTORS = {"DENY": "'none'", "SAMEORIGIN": "'self'"}


def _csp_header():
    directives = getattr(settings, "CONTENT_SECURITY_POLICY", {})
    return "; ".join(f"{name} {' '.join(values)}".strip() for name, values in directives.items())


def _permissions_header():
    features = getattr(settings, "PERMISSIONS_POLICY", {})
    return ", ".join(f"{name}=({' '.join(allow)})" for name, allow in features.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.csp = _csp_header()
        self.permissions = _permissions_header()
        report_only = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", False)
        self.csp_header = (
            "Content-Security-Policy-Report-Only" if report_only else "Content-Security-Policy"
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.csp and "Content-Security-Policy" not in response:
            policy = self.csp
            ancestors = FRAME_ANCESTORS.get(response.get("X-Frame-Options", "").upper())
            if ancestors:
                policy = f"{policy}; frame-ancestors {ancestors}"
            response.setdefault(self.csp_header, policy)
        if self.permissions:
            response.setdefault("Permissions-Policy", self.permissions)
        return response
