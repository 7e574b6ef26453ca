"""The public "send a tip to the newsroom" form. Never cached: it carries a CSRF token and the
reader's own answers."""

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.log_actions import log

from security.client_ip import client_ip

from . import limits
from .forms import TipForm
from .models import Tip, TipAttachment


def _store(form, ip):
    with transaction.atomic():
        tip = Tip.objects.create(
            text=form.cleaned_data["text"],
            name=form.cleaned_data["name"],
            contact=form.cleaned_data["contact"],
            ip_address=ip or None,
        )
        for upload, content_type in form.cleaned_data["files"]:
            attachment = TipAttachment(
                tip=tip,
                original_name=upload.name[:200],
                content_type=content_type,
                size=upload.size,
            )
            attachment.file.save(upload.name, upload, save=False)
            attachment.save()
        log(tip, "tips.received")
    return tip


def _limits():
    return {
        "files": settings.TIPS_MAX_FILES,
        "photo_mb": settings.TIPS_MAX_IMAGE_BYTES // 1_000_000,
        "video_mb": settings.TIPS_MAX_VIDEO_BYTES // 1_000_000,
        "video_minutes": settings.TIPS_MAX_VIDEO_SECONDS // 60,
        "ip_days": settings.TIPS_KEEP_IP_DAYS,
    }


@never_cache
def send_tip(request):
    form = TipForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if form.is_robot():  # a filled honeypot: thanked, nothing kept
                return redirect(reverse("tips:sent"))
            ip = client_ip(request)
            ok, retry_after = limits.allowed(ip)
            if ok:
                _store(form, ip)
                return redirect(reverse("tips:sent"))
            form.add_error(
                None,
                _(
                    "You have sent several tips in the last hour. "
                    "Please try again in %(minutes)d minutes."
                )
                % {"minutes": max(1, retry_after // 60)},
            )
            status = 429
        else:
            status = 400
    response = render(request, "tips/send.html", {"form": form, "limits": _limits()}, status=status)
    if status == 429:
        response["Retry-After"] = str(retry_after)
    return response


@never_cache
def tip_sent(request):
    return render(request, "tips/sent.html")
