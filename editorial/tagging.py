"""One spelling per tag.

Tags typed in NFD (macOS, Unikey "tổ hợp") find the NFC tag already stored, and a tag model
with a `folded` field (no tone marks, no case: "Đắk Glei" and "Đăk Glei" fold alike) reuses
the tag already there instead of creating a second spelling.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, JsonResponse
from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from taggit.models import TagBase
from taggit.utils import _parse_tags
from wagtail.admin.views.tags import autocomplete as wagtail_autocomplete

from language.vietnamese import fold, nfc


def existing_spellings(tag_model, names):
    """{typed name: the stored tag's name} for names that fold to a stored tag."""
    if not any(field.name == "folded" for field in tag_model._meta.get_fields()):
        return {}
    keys = {name: fold(name) for name in names}
    stored = tag_model.objects.filter(folded__in=set(keys.values())).order_by("pk")
    found = {}
    for tag in stored:
        found.setdefault(tag.folded, tag.name)  # the oldest spelling wins
    return {name: found[key] for name, key in keys.items() if key in found}


class _NFCTagManager(_ClusterTaggableManager):
    def _to_tag_model_instances(self, tags, tag_kwargs=None):
        tags = [nfc(tag) if isinstance(tag, str) else tag for tag in tags]
        names = [tag for tag in tags if isinstance(tag, str)]
        spellings = existing_spellings(self.through.tag_model(), names) if names else {}
        first_typed = {}  # two new spellings in one field become one tag too
        for name in names:
            first_typed.setdefault(fold(name), spellings.get(name, name))
        tags = [first_typed[fold(tag)] if isinstance(tag, str) else tag for tag in tags]
        return super()._to_tag_model_instances(tags, tag_kwargs or {})


class NFCClusterTaggableManager(ClusterTaggableManager):
    """ClusterTaggableManager whose tag names are NFC before lookup and creation."""

    def __get__(self, instance, model):
        return _NFCTagManager(
            through=self.through, model=model, instance=instance, prefetch_cache_name=self.name
        )


def parse_tags(tagstring):
    """TAGGIT_TAGS_FROM_STRING: the admin's tag field, normalised to NFC first."""
    return _parse_tags(nfc(tagstring or ""))


AUTOCOMPLETE_LIMIT = 10


def autocomplete(request, app_name, model_name):
    """The admin tag field's suggestions, matching without tone marks ("dak" → "Đăk Glei"):
    replaces Wagtail's view (same URL) for tag models with a `folded` field. Spellings that
    start like what was typed come first. A tag model whose manager has ``public()`` suggests
    only those tags: a draft's slip is not offered to everyone else."""
    try:
        tag_model = ContentType.objects.get_by_natural_key(app_name, model_name).model_class()
    except ContentType.DoesNotExist as error:
        raise Http404 from error
    if tag_model is None or not issubclass(tag_model, TagBase):
        raise Http404
    if not any(field.name == "folded" for field in tag_model._meta.get_fields()):
        return wagtail_autocomplete(request, app_name, model_name)
    term = nfc(request.GET.get("term", "")).strip()
    if not term:
        return JsonResponse([], safe=False)
    tags = tag_model.objects.public() if hasattr(tag_model.objects, "public") else tag_model.objects
    exact = list(
        tags.filter(name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[:AUTOCOMPLETE_LIMIT]
    )
    folded = (
        tags.filter(folded__contains=fold(term))
        .exclude(name__in=exact)
        .order_by("name")
        .values_list("name", flat=True)[: AUTOCOMPLETE_LIMIT - len(exact)]
    )
    return JsonResponse(exact + list(folded), safe=False)
