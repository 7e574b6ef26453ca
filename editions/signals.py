from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale

from .editions import forget_locale_ids

post_save.connect(forget_locale_ids, sender=Locale, dispatch_uid="editions-locale-saved")
post_delete.connect(forget_locale_ids, sender=Locale, dispatch_uid="editions-locale-deleted")
