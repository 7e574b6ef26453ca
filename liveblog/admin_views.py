"""The quick-post screen (admin, Vietnamese, works at 390 px): open, type, send.

`Trực tiếp` in the admin menu opens the running live blog at once when there is only one;
the form is at the top, the blog's updates below with their actions.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from news.reporter_accounts import ensure_reporter_record

from .forms import LiveUpdateForm
from .models import LiveBlogPage, LiveUpdate, announce
from .permissions import may_change, may_moderate, may_post

RECENT = 30


def _postable(user):
    blogs = LiveBlogPage.objects.filter(ended_at__isnull=True).order_by(
        "-latest_revision_created_at"
    )
    return [blog for blog in blogs if may_post(user, blog)]


def index(request):
    blogs = _postable(request.user)
    if len(blogs) == 1:
        return redirect("liveblog_admin:post", blogs[0].pk)
    return TemplateResponse(request, "liveblog/admin/index.html", {"blogs": blogs})


def post(request, page_id):
    page = get_object_or_404(LiveBlogPage, pk=page_id)
    if not may_post(request.user, page):
        raise PermissionDenied
    moderator = may_moderate(request.user, page)
    if request.method == "POST":
        if page.ended_at:
            messages.error(request, _("This live blog has ended."))
            return redirect("liveblog_admin:post", page.pk)
        form = LiveUpdateForm(
            request.POST,
            request.FILES,
            instance=LiveUpdate(page=page),
            moderator=moderator,
            user=request.user,
        )
        if form.is_valid():
            with transaction.atomic():
                update = form.save_with(request.user, commit=False)
                update.author = request.user
                update.reporter = ensure_reporter_record(request.user)
                update.save()
                announce(page)
            messages.success(request, _("Posted."))
            return redirect("liveblog_admin:post", page.pk)
    else:
        form = LiveUpdateForm(
            instance=LiveUpdate(page=page), moderator=moderator, user=request.user
        )
    updates = list(
        page.updates.select_related("reporter", "author", "image")
        .filter(deleted_at__isnull=True)
        .order_by("-created_at", "-pk")[:RECENT]
    )
    for update in updates:
        update.may_change = moderator or update.author_id == request.user.pk
    context = {"page": page, "form": form, "updates": updates, "moderator": moderator}
    return TemplateResponse(request, "liveblog/admin/post.html", context)


def _changeable(request, update_id):
    update = get_object_or_404(LiveUpdate.objects.select_related("page"), pk=update_id)
    if update.deleted_at or not may_change(request.user, update):
        raise PermissionDenied
    return update


def edit(request, update_id):
    update = _changeable(request, update_id)
    moderator = may_moderate(request.user, update.page)
    if request.method == "POST":
        form = LiveUpdateForm(
            request.POST, request.FILES, instance=update, moderator=moderator, user=request.user
        )
        if form.is_valid():
            with transaction.atomic():
                update = form.save_with(request.user, commit=False)
                update.edited_at = timezone.now()
                update.save()
                announce(update.page)
            messages.success(request, _("The update was changed."))
            return redirect("liveblog_admin:post", update.page_id)
    else:
        form = LiveUpdateForm(instance=update, moderator=moderator, user=request.user)
    context = {"page": update.page, "form": form, "update": update}
    return TemplateResponse(request, "liveblog/admin/edit.html", context)


@require_POST
def delete(request, update_id):
    update = _changeable(request, update_id)
    with transaction.atomic():
        LiveUpdate.objects.filter(pk=update.pk).update(
            deleted_at=timezone.now(), pinned=False, key_moment=False
        )
        announce(update.page)
    messages.success(request, _("The update was deleted."))
    return redirect("liveblog_admin:post", update.page_id)


@require_POST
def toggle(request, update_id, field):
    update = get_object_or_404(LiveUpdate.objects.select_related("page"), pk=update_id)
    if field not in ("pinned", "key_moment") or not may_moderate(request.user, update.page):
        raise PermissionDenied
    with transaction.atomic():
        LiveUpdate.objects.filter(pk=update.pk).update(**{field: not getattr(update, field)})
        announce(update.page)
    return redirect("liveblog_admin:post", update.page_id)


@require_POST
def end(request, page_id):
    page = get_object_or_404(LiveBlogPage, pk=page_id)
    if not may_moderate(request.user, page):
        raise PermissionDenied
    with transaction.atomic():
        if request.POST.get("reopen"):
            page.reopen()
            messages.success(request, _("The live blog is running again."))
        else:
            page.end()
            messages.success(request, _("The live blog has ended."))
    return redirect(reverse("liveblog_admin:post", args=[page.pk]))
