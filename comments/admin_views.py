import json
from functools import lru_cache

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import BaseDropdownMenuButton, ButtonWithDropdown, ListingButton
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import IndexView, InspectView

from base.params import int_list

from .admin_columns import QueueTitleColumn, row_url
from .forms import clean_text
from .models import Comment, Status
from .moderation import ACTIONS, can_moderate, moderate, queue_state, staff_reply, status_counts
from .privacy import erase_data, erase_other_data, export_data


class CommentTitleColumn(QueueTitleColumn):
    """The comment's excerpt and, for a reply, the comment it answers and its author."""


@lru_cache(maxsize=64)
def icon_html(name):
    """Wagtail's icon markup for ``name``, rendered once per process."""
    return render_to_string(
        "wagtailadmin/shared/icon.html",
        {"name": name, "classname": "icon", "title": None, "wrapped": False},
    )


class InlineButtonMixin:
    """Renders a button with the markup of wagtailadmin/shared/button.html, without a template.

    The queue shows about seven buttons per row (approve, reject, spam, trash and the "more"
    menu's inspect, edit, delete, history): through the template, 350 renders per page were
    the largest part of rendering the queue (about 240 of the 400 ms at 200,000 comments,
    issue 26). Same element, classes, attributes and label, so moderation.js and Wagtail's
    dropdown see the same buttons."""

    def render_html(self, parent_context=None):
        # Plain string building with escape(): format_html per button was a tenth of the queue.
        content = (icon_html(self.icon_name) if self.icon_name else "") + conditional_escape(
            self.label
        )
        attrs = _flatatt(self.attrs)
        if self.url:
            url, classname = conditional_escape(self.url), conditional_escape(self.classname)
            return mark_safe(f'<a href="{url}" class="{classname}" {attrs}>{content}</a>')
        classname = conditional_escape(self.classname)
        return mark_safe(f'<button class="{classname}" {attrs}>{content}</button>')


def _flatatt(attrs):
    """django.forms.utils.flatatt, the same string: ` name="value"` sorted, then the names
    whose value is True; False and None leave the attribute out."""
    pairs, names = [], []
    for name, value in attrs.items():
        if isinstance(value, bool):
            if value:
                names.append(name)
        elif value is not None:
            pairs.append((name, value))
    return "".join(f' {name}="{conditional_escape(value)}"' for name, value in sorted(pairs)) + (
        "".join(f" {name}" for name in sorted(names))
    )


@lru_cache(maxsize=32)
def _inline_class(cls):
    return type(f"Inline{cls.__name__}", (InlineButtonMixin, cls), {})


def inline(button):
    """The same button, rendered inline: only plain buttons (Wagtail's button template and
    Component's rendering); any other button keeps its own rendering."""
    cls = type(button)
    if (
        getattr(cls, "template_name", None) == "wagtailadmin/shared/button.html"
        and cls.render_html is Component.render_html
    ):
        button.__class__ = _inline_class(cls)
    return button


_ATTRS, _ARIA, _CHILDREN = "\x00attrs\x00", "\x00aria\x00", "\x00children\x00"


@lru_cache(maxsize=16)
def _dropdown_frame(icon_name, classname, label):
    """Wagtail's dropdown (shared/dropdown/dropdown.html, as button_with_dropdown.html calls
    it), rendered once per process with markers where each row's values go."""
    return render_to_string(
        "wagtailadmin/shared/dropdown/dropdown.html",
        {
            "attrs": mark_safe(_ATTRS),
            "toggle_icon": icon_name or "arrow-down",
            "toggle_label": label,
            "toggle_aria_label": _ARIA,
            "toggle_classname": classname,
            "children": mark_safe(_CHILDREN),
        },
    )


class InlineDropdownButton(ButtonWithDropdown):
    """The row's "more" menu: Wagtail's dropdown frame filled in per row (its attributes,
    label and the buttons), instead of three nested templates per row."""

    def render_html(self, parent_context=None):
        frame = _dropdown_frame(self.icon_name, self.classname, str(self.label))
        children = "".join(str(inline(b).render_html()) for b in sorted(self.dropdown_buttons))
        return mark_safe(
            frame.replace(_ATTRS, _flatatt(self.attrs))
            .replace(_ARIA, escape(self.aria_label))
            .replace(_CHILDREN, children)
        )


class QueueButton(InlineButtonMixin, ListingButton):
    """A row's moderation action (approve, reject, spam, trash)."""


MODERATE_URL = "wagtailsnippets_comments_comment:moderate"


class CommentIndexView(IndexView):
    template_name = "comments/admin/index.html"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page", "parent")

    def _get_title_column(self, field_name, column_class=CommentTitleColumn, **kwargs):
        return super()._get_title_column(field_name, column_class, **kwargs)

    def get_edit_url(self, instance):
        # The title links to the detail view, where the thread and the history are.
        return row_url(self.request, self.inspect_url_name, instance.pk)

    # Each row's URLs from one reverse per request (row_url), permissions asked once.
    @cached_property
    def _may(self):
        return {
            "inspect": self.user_has_any_permission({"add", "change", "delete", "view"}),
            "delete": self.user_has_permission("delete"),
        }

    def get_inspect_url(self, instance):
        if self.inspect_url_name and self._may["inspect"]:
            return row_url(self.request, self.inspect_url_name, instance.pk)
        return None

    def get_delete_url(self, instance):
        if self.delete_url_name and self._may["delete"]:
            return row_url(self.request, self.delete_url_name, instance.pk)
        return None

    ROW_ACTIONS = ("approve", "reject", "spam", "trash")

    def get_list_more_buttons(self, instance):
        """Approve, reject, spam and trash in every row, one click each (moderation.js posts
        them); the rest (inspect, edit, delete) stays in the row's "more" menu."""
        buttons = list(super().get_list_more_buttons(instance))
        if not can_moderate(self.request.user):
            return buttons
        row = []
        labels = self.row_action_labels
        excerpt = instance.excerpt(40)
        for action in self.ROW_ACTIONS:
            status, label = ACTIONS[action][0], labels[action]
            if status == instance.status:
                continue
            row.append(
                QueueButton(
                    label,
                    url=row_url(self.request, MODERATE_URL, instance.pk, action),
                    attrs={
                        "data-comment-action": action,
                        "data-comment-id": str(instance.pk),
                        "aria-label": f"{label}: {excerpt}",
                    },
                    priority=10 + len(row),
                )
            )
        return row + buttons

    @cached_property
    def row_action_labels(self):
        """The actions' labels translated once per request (lazy labels are translated again
        at each use: four buttons, each label escaped and formatted, on 50 rows)."""
        return {action: str(ACTIONS[action][1]) for action in self.ROW_ACTIONS}

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        for button in buttons:
            if type(button) is ButtonWithDropdown:
                button.__class__ = InlineDropdownButton
            elif not isinstance(button, BaseDropdownMenuButton):
                inline(button)
        return buttons

    def known_count(self):
        """The number of rows listed when the tabs' counts (needed for the tabs
        anyway) already say it: the whole queue or one state, no search and no other filter.
        None when narrowed further (a page, dates, a search): then the paginator counts."""
        if self.is_searching:
            return None
        status = ""
        if self.filters is not None:
            if not self.filters.is_valid():
                return None
            cleaned = self.filters.form.cleaned_data
            if any(value for name, value in cleaned.items() if name != "status"):
                return None
            status = cleaned.get("status") or ""
        counts = status_counts(self.request)
        return counts[status] if status else sum(counts.values())

    def get_paginator(self, queryset, per_page, **kwargs):
        """The paginator takes its total from the tabs' counts: counting the pending comments
        a second time cost a scan per view at 200,000 comments (issue 26)."""
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        known = self.known_count()
        if known is not None:
            paginator.count = known  # Paginator.count is a cached_property: this is its value
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["moderate_url"] = reverse("wagtailsnippets_comments_comment:moderate_many")
        context["can_moderate"] = can_moderate(self.request.user)
        context["list_url"] = reverse("wagtailsnippets_comments_comment:list")
        counts = status_counts(self.request)
        current = self.request.GET.get("status", "")
        context["state_tabs"] = [
            ("", pgettext("comment status", "All"), sum(counts.values()), not current, "all"),
            *(
                (value, label, counts[value], current == value, value)
                for value, label in Status.choices
            ),
        ]
        return context


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Reply as the editorial office"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_body(self):
        body = clean_text(self.cleaned_data["body"])
        if not body:
            raise forms.ValidationError(_("Please write your reply."))
        return body


class CommentInspectView(InspectView):
    template_name = "comments/admin/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Comment.objects.select_related("page", "user", "moderated_by", "parent"), pk=self.pk
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        root = comment.thread or comment
        context["thread"] = [root] + list(
            Comment.objects.filter(thread=root).order_by("created_at", "pk")
        )
        context["earlier"] = (
            list(
                Comment.objects.for_email(comment.author_email)
                .exclude(pk=comment.pk)
                .select_related("page")
                .order_by("-created_at")[:20]
            )
            if comment.author_email
            else []
        )
        context["actions"] = [
            (name, label)
            for name, (status, label) in ACTIONS.items()
            if (
                name == "restore" and comment.status in (Status.SPAM, Status.TRASH, Status.REJECTED)
            )
            or (status and status != comment.status)
        ]
        context["can_moderate"] = can_moderate(self.request.user)
        context["reply_form"] = kwargs.get("reply_form") or ReplyForm()
        context["Status"] = Status
        return context


def _require_moderator(request):
    if not can_moderate(request.user):
        raise PermissionDenied


@require_POST
def moderate_one(request, pk, action):
    _require_moderator(request)
    if action not in ACTIONS:
        return JsonResponse({"ok": False}, status=400)
    comment = get_object_or_404(Comment, pk=pk)
    changed = moderate([comment], action, request.user)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse(
            {
                "ok": True,
                "changed": changed,
                "status": comment.status,
                "label": comment.get_status_display(),
                **queue_state(),
            }
        )
    messages.success(request, _("Comment: %(status)s.") % {"status": comment.get_status_display()})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("wagtailsnippets_comments_comment:inspect", args=[pk])
    return redirect(target)


@require_POST
def moderate_many(request):
    _require_moderator(request)
    action = request.POST.get("action", "")
    ids = int_list(request.POST.getlist("id"))
    if action not in ACTIONS or not ids:
        return JsonResponse({"ok": False}, status=400)
    comments = list(Comment.objects.filter(pk__in=ids))
    changed = moderate(comments, action, request.user)
    # The queue updates in place: each row's status, the tabs' counts, the menu's count.
    return JsonResponse(
        {
            "ok": True,
            "changed": changed,
            "comments": [
                {"id": c.pk, "status": c.status, "label": str(c.get_status_display())}
                for c in comments
            ],
            **queue_state(),
        }
    )


@require_POST
def reply(request, pk):
    _require_moderator(request)
    parent = get_object_or_404(Comment.objects.select_related("page"), pk=pk)
    form = ReplyForm(request.POST)
    if form.is_valid() and staff_reply(parent, request.user, form.cleaned_data["body"]):
        messages.success(request, _("Your reply is published."))
    else:
        messages.error(
            request,
            _("The reply could not be published: %(errors)s")
            % {
                "errors": " ".join(str(e) for errors in form.errors.values() for e in errors)
                or _("it is a duplicate.")
            },
        )
    return redirect(reverse("wagtailsnippets_comments_comment:inspect", args=[pk]))


class PrivacyForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Commenter's email"))
    action = forms.ChoiceField(
        label=gettext_lazy("Action"),
        choices=[
            ("export", gettext_lazy("Export their data (JSON)")),
            ("erase", gettext_lazy("Erase their data (anonymise their comments)")),
        ],
        widget=forms.RadioSelect,
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand that erasing cannot be undone"), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "erase" and not data.get("confirm"):
            self.add_error("confirm", _("Please confirm the erasure."))
        return data


def privacy(request):
    if not request.user.has_perm("comments.delete_comment"):
        raise PermissionDenied
    form = PrivacyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if form.cleaned_data["action"] == "export":
            data = export_data(email)
            for comment in Comment.objects.for_email(email):
                log(comment, "comments.export", user=request.user)
            response = HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="binh-luan.json"'
            return response
        ids = list(Comment.objects.for_email(email).values_list("pk", flat=True))
        count = erase_data(email)
        for comment in Comment.objects.filter(pk__in=ids):
            log(comment, "comments.erase", user=request.user)
        messages.success(request, _("%(count)d comments anonymised.") % {"count": count})
        others = sum(erase_other_data(email).values())
        if others:  # what other apps held (readers' tips…), through their hooks
            messages.success(request, _("%(count)d other records erased.") % {"count": others})
        return redirect(reverse("wagtailsnippets_comments_comment:privacy"))
    return TemplateResponse(
        request, "comments/admin/privacy.html", {"form": form, "page_title": _("Commenter data")}
    )
