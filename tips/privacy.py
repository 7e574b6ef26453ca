"""A tip sender's data: export and erase by the contact they gave (email or phone), and the
network address dropped after TIPS_KEEP_IP_DAYS. The commenter tools call these through
Wagtail hooks (``personal_data_export``, ``personal_data_erase``), so one request from a
reader covers their comments and their tips."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from .models import Tip


def _tips_of(contact):
    contact = (contact or "").strip()
    return Tip.objects.filter(contact__iexact=contact) if contact else Tip.objects.none()


def export_data(contact):
    return [
        {
            "id": tip.pk,
            "sent_at": tip.created_at.isoformat(),
            "name": tip.name,
            "contact": tip.contact,
            "text": tip.text,
            "status": tip.status,
            "ip_address": tip.ip_address,
            "files": [
                {"name": item.original_name, "type": item.content_type, "size": item.size}
                for item in tip.attachments.all()
            ],
        }
        for tip in _tips_of(contact).prefetch_related("attachments").order_by("created_at")
    ]


def erase_data(contact):
    """Delete the sender's tips, their files and the audit entries naming them."""
    tips = list(_tips_of(contact).prefetch_related("attachments"))
    files = [item.file for tip in tips for item in tip.attachments.all()]
    ids = [str(tip.pk) for tip in tips]
    with transaction.atomic():
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Tip), object_id__in=ids
        ).delete()
        Tip.objects.filter(pk__in=[tip.pk for tip in tips]).delete()
    for stored in files:  # after the rows are gone: a failure leaves a file, never a dangling row
        stored.storage.delete(stored.name)
    return len(tips)


def purge_ips(days=None):
    """A periodic job (settings.PERIODIC_JOBS): forget senders' addresses after N days."""
    days = settings.TIPS_KEEP_IP_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    return Tip.objects.filter(created_at__lt=cutoff, ip_address__isnull=False).update(
        ip_address=None
    )
