from django.core import signing
from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from .checks import Refusal, comments_enabled, is_restricted, restricted_refusal, submit
from .forms import CommentForm, make_token, renewed_token
from .models import Comment, CommentSettings, Status
from .notifications import unsubscribe_email

NOTICE_PARAM = "binh-luan"


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _page_or_404(page_id):
    page = get_object_or_404(Page, pk=page_id, live=True).specific
    if not comments_enabled(page):
        raise Http404
    return page


def _csrf_failure(request):
    """Anonymous posts rely on the signed form token (cache-friendly pages); signed-in users
    (whose comments may be published at once) also need a valid CSRF token."""
    if not request.user.is_authenticated:
        return None
    return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})


def success_message(comment):
    if comment.status == Status.APPROVED:
        return _("Thank you! Your comment is published.")
    return _("Thank you! Your comment is awaiting moderation.")


@csrf_exempt
@require_POST
@never_cache
def post_comment(request, page_id):
    page = _page_or_404(page_id)
    failure = _csrf_failure(request)
    if failure is not None:
        return failure
    form = CommentForm(request.POST)
    try:
        comment = submit(request, page, form)
    except Refusal as refusal:
        # Whatever was refused, the next press of "send" carries a token that works at once.
        token = renewed_token(
            request.POST.get("token"),
            page.pk,
            CommentSettings.for_request(request).min_seconds,
        )
        if wants_json(request):
            response = JsonResponse(
                {
                    "ok": False,
                    "message": refusal.message,
                    "errors": refusal.errors,
                    "token": token,
                },
                status=refusal.code,
            )
            for name, value in refusal.headers.items():
                response[name] = value
            return response
        # Without JavaScript: the form again, with the messages and everything typed kept.
        data = request.POST.copy()
        data["token"] = token
        data["website"] = ""
        form = CommentForm(data)
        form._errors = {}
        for name, messages in refusal.errors.items():
            form._errors[name] = form.error_class(messages)
        form.describe_errors()
        response = render(
            request,
            "comments/form_page.html",
            # Closed or restricted (403): the message, no form to fill in again.
            {"page": page, "form": form, "error": refusal.message, "closed": refusal.code == 403},
            status=refusal.code,
        )
        for name, value in refusal.headers.items():
            response[name] = value
        return response
    message = success_message(comment)
    if wants_json(request):
        # Spam is reported as "pending": a spammer learns nothing from the answer.
        public_status = "approved" if comment.status == Status.APPROVED else "pending"
        return JsonResponse({"ok": True, "status": public_status, "message": message}, status=201)
    state = "da-dang" if comment.status == Status.APPROVED else "cho-duyet"
    return redirect(f"{page.url}?{NOTICE_PARAM}={state}#binh-luan-thong-bao")


@never_cache
def form_token(request, page_id):
    """A fresh form token for pages served from a cache (the script asks on first focus)."""
    page = _page_or_404(page_id)
    if is_restricted(page):
        refusal = restricted_refusal()
        return JsonResponse({"ok": False, "message": refusal.message}, status=refusal.code)
    return JsonResponse({"token": make_token(page.pk)})


@csrf_exempt  # the signed token is the proof; RFC 8058 one-click POSTs carry no CSRF token
@require_http_methods(["GET", "POST"])
@never_cache
def unsubscribe(request, token):
    """GET shows a confirmation with a button (mail scanners follow links, they do not press
    buttons); POST unsubscribes: the button, or a mail client's RFC 8058 one-click request."""
    try:
        email = unsubscribe_email(token)
    except signing.SignatureExpired:
        return render(request, "comments/unsubscribe.html", {"state": "expired"}, status=400)
    except signing.BadSignature:
        return render(request, "comments/unsubscribe.html", {"state": "invalid"}, status=400)
    if email is None:  # the comment was erased or removed: nothing is sent to it any more
        return render(request, "comments/unsubscribe.html", {"state": "done"})
    if request.method == "GET":
        response = render(request, "comments/unsubscribe.html", {"state": "confirm"})
        response["X-Robots-Tag"] = "noindex"
        return response
    Comment.objects.for_email(email).filter(notify_replies=True).update(notify_replies=False)
    return render(request, "comments/unsubscribe.html", {"state": "done"})
