"""The read API (Wagtail API v2) at /api/v2/: pages (stories, campaigns, conferences,
exemplars — each page type lists its fields explicitly in ``api_fields``) and images.

Only live, public pages of the site are served (Wagtail's pages endpoint); each model's
``api_fields`` is an explicit allow-list, so private fields (reporters' emails, comments)
never appear. ``?search=`` ignores tone marks like the site search.
"""

import re

from django.utils.translation import gettext as _
from rest_framework.fields import Field
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from base.params import MAX_ID, int_param
from base.private_media import original_url, public_images
from discovery.search import SearchQuery

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
        operator = params.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError(_("search_operator must be “and” or “or”"))

    def find_view(self, request):
        if "id" in request.GET and int_param(request.GET["id"]) is None:
            raise BadRequestError(_("id must be a whole number"))
        return super().find_view(request)


class OriginalImageUrlField(Field):
    """``download_url``: the view that checks the image is public before sending its file
    (the media folder's original_images/ is not served to the public)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        from wagtail.api.v2.utils import get_full_url

        return get_full_url(self.context["request"], original_url(image))


class SiteImageSerializer(ImageSerializer):
    download_url = OriginalImageUrlField(read_only=True)


class SiteImagesAPIViewSet(ValidatedParametersMixin, ImagesAPIViewSet):
    """Only images used by live, public pages (base/private_media.py): a draft's
    picture is not found by ``?search=`` nor by its id."""

    base_serializer_class = SiteImageSerializer

    def get_queryset(self):
        return public_images(super().get_queryset())


class SitePagesAPIViewSet(ValidatedParametersMixin, PagesAPIViewSet):
    def get_queryset(self):
        """A page type may name relations to prefetch (``api_prefetch_related``): no N+1."""
        queryset = super().get_queryset()
        lookups = getattr(queryset.model, "api_prefetch_related", None)
        return queryset.prefetch_related(*lookups()) if lookups else queryset

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
