from django.core.management.base import BaseCommand

from helpcenter import vocabulary


class Command(BaseCommand):
    help = (
        "Rebuild the help center's search vocabulary (typo tolerance). Publishing a page does "
        "this by itself; run it once after upgrading, or after loading pages from a dump."
    )

    def handle(self, *args, **options):
        vocabulary.rebuild()
        self.stdout.write(f"{vocabulary.SearchTerm.objects.count()} words.")
