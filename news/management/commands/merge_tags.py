from django.core.management.base import BaseCommand, CommandError

from news.models import NewsTag
from news.tag_merge import merge_tags


class Command(BaseCommand):
    help = "Merge tags into one (by slug): their stories move, their pages and feeds redirect."

    def add_arguments(self, parser):
        parser.add_argument("keep", help="slug of the tag to keep")
        parser.add_argument("others", nargs="+", help="slugs of the tags merged into it")

    def handle(self, *args, keep, others, **options):
        try:
            kept = NewsTag.objects.get(slug=keep)
        except NewsTag.DoesNotExist as error:
            raise CommandError(f"No tag with the slug {keep!r}.") from error
        merged = merge_tags(kept, list(NewsTag.objects.filter(slug__in=others)))
        self.stdout.write(self.style.SUCCESS(f"{merged} tags merged into “{kept.name}”."))
