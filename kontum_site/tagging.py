"""Tags typed in NFD (macOS, Unikey "tổ hợp") must find the NFC tag already stored."""

from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from taggit.utils import _parse_tags

from .vietnamese import nfc


class _NFCTagManager(_ClusterTaggableManager):
    def _to_tag_model_instances(self, tags, tag_kwargs=None):
        tags = [nfc(tag) if isinstance(tag, str) else tag for tag in tags]
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
