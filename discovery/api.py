"""The read API (Wagtail API v2) at /api/v2/: pages (stories, campaigns, conferences,
exemplars — each page type lists its fields explicitly in ``api_fields``) and images.

Only live, public pages of the site are served (Wagtail's pages endpoint); each model's
``api_fields`` is an explicit allow-list, so private fields (reporters' emails, comments)
never appear. ``?search=`` ignores tone marks like the site search.

A page's detail lists its versions in the other editions (``meta.translations``: id,
locale, title, url); ``?locale=bdq`` and ``?translation_of=<id>`` are Wagtail's own filters.

For clients: every URL in an answer is absolute (the Site's root URL); a filter's value is
checked against its field (``?date=abc`` is a 400, not a 500); a listing costs the same
number of queries whatever its ``limit`` (up to WAGTAILAPI_LIMIT_MAX); answers carry an
``ETag`` and a public ``max-age`` (``If-None-Match`` is answered 304), and may be read from
any origin (read-only CORS).
"""

import hashlib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from rest_framework.fields import Field
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, get_full_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

from base.api_fields import IMAGE_RENDITIONS, ImageWithRenditionsField, absolute
from base.params import MAX_ID, int_param
from base.private_media import original_url, public_images
from discovery.search import SearchQuery
from editions.languages import BY_CODE

_NUMBER = re.compile(r"-?[0-9]+")
MAX_OFFSET = 10**7


class ValidatedParametersMixin:
    """Parameters Wagtail's API passes on unchecked are refused with a 400 before they reach
    the database: numbers too large for an integer column, an offset past any real listing,
    an unknown search operator."""

    def initial(self, request, *args, **kwargs):
        """Before every endpoint (listing, detail, find): a bad parameter is a 400."""
        super().initial(request, *args, **kwargs)
        self.validate_parameters()

    def validate_parameters(self):
        params = self.request.GET
        for key in params:
            for value in params.getlist(key):
                for part in value.split(","):
                    if _NUMBER.fullmatch(part.strip()) and abs(int(part)) > MAX_ID:
                        raise BadRequestError(
                            _("%(name)s: the number is too large") % {"name": key}
                        )
        if "offset" in params and int_param(params["offset"], None, 0, MAX_OFFSET) is None:
            raise BadRequestError(
                _("offset must be a whole number from 0 to %(max)d") % {"max": MAX_OFFSET}
            )
        known_locale = Locale.objects.filter(language_code=params.get("locale", "")[:100])
        if "locale" in params and not known_locale.exists():
            raise BadRequestError(_("locale: no such language on this site"))
        operator = params.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError(_("search_operator must be “and” or “or”"))

    def find_view(self, request):
        if "id" in request.GET and int_param(request.GET["id"]) is None:
            raise BadRequestError(_("id must be a whole number"))
        return super().find_view(request)


class ValidatedFieldsFilter(FieldsFilter):
    """Wagtail's ``?<field>=<value>`` filter, but a value its field cannot hold (a date that is
    not a date, a number that is not a number, text longer than the column) is a 400 with
    the field's own message, instead of an error from the database (a 500)."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in fields or name == "locale":
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except LookupError:
                continue
            if isinstance(field, (models.ForeignKey, models.BooleanField)):
                continue  # Wagtail's own filter checks these
            if not isinstance(field, models.Field) or field.many_to_many:
                continue
            try:
                field.to_python(value)
            except (ValidationError, ValueError, TypeError, OverflowError) as error:
                messages = getattr(error, "messages", None) or [str(error)]
                raise BadRequestError(
                    _("%(name)s: “%(value)s” is not a valid value (%(reason)s)")
                    % {"name": name, "value": value[:40], "reason": " ".join(messages)}
                ) from error
        return super().filter_queryset(request, queryset, view)


URL_KEYS = ("url", "download_url", "detail_url", "html_url", "full_url", "podcast_url")


_HTML_LINK = re.compile(r'(\b(?:href|src)=")(/(?!/)[^"]*)"')
_MARKDOWN_LINK = re.compile(r"(\]\()(/(?!/)[^)\s]*)\)")


def absolute_links(text, context):
    """Links in rich text (``?rich_text_format=html`` or ``markdown``) made absolute."""
    if "/" not in text:
        return text
    text = _HTML_LINK.sub(lambda m: f'{m[1]}{absolute(context, m[2])}"', text)
    return _MARKDOWN_LINK.sub(lambda m: f"{m[1]}{absolute(context, m[2])})", text)


def absolute_urls(data, context):
    """Every URL in an answer made absolute (the Site's root URL), links in rich text too; a
    rendition's ``full_url`` is its ``url`` made absolute the same way (Wagtail's uses the
    request's Host)."""
    if isinstance(data, str):
        return absolute_links(data, context)
    if isinstance(data, list):
        return [absolute_urls(item, context) for item in data]
    if not isinstance(data, dict):
        return data
    result = {}
    for key, value in data.items():
        if key in URL_KEYS and isinstance(value, str):
            result[key] = absolute(context, value)
        else:
            result[key] = absolute_urls(value, context)
    if isinstance(result.get("full_url"), str) and isinstance(result.get("url"), str):
        result["full_url"] = result["url"]
    return result


class PageTranslationsField(Field):
    """``meta.translations`` (a page's detail only): its live, public versions in the other
    editions, [{id, locale, title, url}], in one query."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        request = self.context["request"]
        versions = (
            self.context["base_queryset"]
            .filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
            .select_related("locale")
        )
        order = list(BY_CODE)
        versions = sorted(versions, key=lambda version: order.index(version.locale.language_code))
        return [
            {
                "id": version.pk,
                "locale": version.locale.language_code,
                "title": version.title,
                "url": version.get_url(request),
            }
            for version in versions
        ]


class SitePageSerializer(PageSerializer):
    translations = PageTranslationsField(read_only=True)

    def to_representation(self, instance):
        return absolute_urls(super().to_representation(instance), self.context)


class CacheAndCORSMixin:
    """Public, cacheable and readable from any origin: ``Cache-Control: public, max-age``
    (the front's ``s-maxage`` is added by caching.front_cache), an ``ETag`` from the
    body (``If-None-Match`` → 304), and ``Access-Control-Allow-Origin: *`` on GET, HEAD and
    OPTIONS only."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            return response
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response = self.conditional(request, response)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag"
        if request.method == "OPTIONS":
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match"
            response["Access-Control-Max-Age"] = "86400"
        return response

    def conditional(self, request, response):
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        max_age = getattr(settings, "API_BROWSER_MAX_AGE", 60)
        candidates = request.headers.get("If-None-Match", "")
        if etag in {tag.strip().removeprefix("W/") for tag in candidates.split(",")}:
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            patch_cache_control(not_modified, public=True, max_age=max_age)
            return not_modified
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=max_age)
        return response


class OriginalImageUrlField(Field):
    """``download_url``: the view that checks the image is public before sending its file
    (the media folder's original_images/ is not served to the public)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return get_full_url(self.context["request"], original_url(image))


class SiteImageSerializer(ImageSerializer):
    download_url = OriginalImageUrlField(read_only=True)


class SiteImagesAPIViewSet(CacheAndCORSMixin, ValidatedParametersMixin, ImagesAPIViewSet):
    """Only images used by live, public pages (base/private_media.py): a draft's
    picture is not found by ``?search=`` nor by its id."""

    base_serializer_class = SiteImageSerializer

    def get_queryset(self):
        return public_images(super().get_queryset())


class SitePagesAPIViewSet(CacheAndCORSMixin, ValidatedParametersMixin, PagesAPIViewSet):
    base_serializer_class = SitePageSerializer
    meta_fields = PagesAPIViewSet.meta_fields + ["translations"]
    detail_only_fields = PagesAPIViewSet.detail_only_fields + ["translations"]
    filter_backends = [
        ValidatedFieldsFilter if backend is FieldsFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        """Wagtail's, once per request: it reads the view restrictions and (with editions) the
        home's translations each time, and a listing asks for it three times."""
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def get_queryset(self):
        """A page type may name relations to prefetch (``api_prefetch_related``), and so may
        the serializers of its ``api_fields`` (an image and its renditions): no N+1."""
        queryset = super().get_queryset()
        lookups = getattr(queryset.model, "api_prefetch_related", None)
        lookups = list(lookups()) if lookups else []
        renditions = {}  # image field → the renditions its serializers make
        for api_field in getattr(queryset.model, "api_fields", ()):
            serializer = getattr(api_field, "serializer", None)
            source = getattr(serializer, "source", None) or api_field.name
            if isinstance(serializer, ImageWithRenditionsField):
                renditions.setdefault(source, set()).update(IMAGE_RENDITIONS.values())
            elif isinstance(serializer, ImageRenditionField):
                renditions.setdefault(source, set()).add(serializer.filter_spec)
            elif hasattr(serializer, "prefetch"):
                lookups += serializer.prefetch(source)
        images = get_image_model().objects
        lookups += [
            Prefetch(source, queryset=images.prefetch_renditions(*sorted(specs)))
            for source, specs in renditions.items()
        ]
        return queryset.select_related("locale").prefetch_related(*lookups)

    def filter_queryset(self, queryset):
        raw = self.request.GET.get("search")
        if raw is not None:
            params = self.request.GET.copy()
            query = SearchQuery.parse(raw)
            params["search"] = query.folded
            self.request._request.GET = params
        return super().filter_queryset(queryset)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", SiteImagesAPIViewSet)
