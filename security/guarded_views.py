"""Wagtail's front-end sign-in and password views, with our guarded forms (same URLs, names
and templates; `kontum_site/urls.py` puts these before Wagtail's own)."""

import swapper
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from security.guarded_forms import GuardedPasswordForm, SiteLoginForm


def _passed(request, form, restriction):
    return_url = form.cleaned_data["return_url"]
    if not url_has_allowed_host_and_scheme(return_url, request.get_host(), request.is_secure()):
        return_url = settings.LOGIN_REDIRECT_URL
    restriction.mark_as_passed(request)
    return redirect(return_url)


def _form(request, restriction, kind):
    data = request.POST if request.method == "POST" else None
    return GuardedPasswordForm(data, instance=restriction, request=request, kind=kind)


def page_password(request, page_view_restriction_id, page_id):
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(swapper.load_model("wagtailcore", "Page"), id=page_id).specific
    form = _form(request, restriction, "page-password")
    if form.is_bound and form.is_valid():
        return _passed(request, form, restriction)
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    return page.serve_password_required_response(request, form, action_url)


def document_password(request, restriction_id):
    restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
    form = _form(request, restriction, "document-password")
    if form.is_bound and form.is_valid():
        return _passed(request, form, restriction)
    action_url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.id])
    template = getattr(
        settings, "WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE", "wagtaildocs/password_required.html"
    )
    return TemplateResponse(request, template, {"form": form, "action_url": action_url})


site_login = auth_views.LoginView.as_view(
    template_name=getattr(settings, "WAGTAIL_FRONTEND_LOGIN_TEMPLATE", "wagtailcore/login.html"),
    authentication_form=SiteLoginForm,
)
