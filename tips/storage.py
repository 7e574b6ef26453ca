"""Where readers' files are kept: a folder of its own outside MEDIA_ROOT, never served by the
web server. Staff download a file through a view that checks their permission
(``tips.admin_views.attachment``)."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateTipStorage(FileSystemStorage):
    """A file system storage rooted at ``TIPS_PRIVATE_ROOT`` (read on each use, so tests and
    deployments can point it elsewhere) and without a public URL."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.TIPS_PRIVATE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Readers' files have no public address.")

    def deconstruct(self):
        return ("tips.storage.PrivateTipStorage", (), {})


private_storage = PrivateTipStorage()
