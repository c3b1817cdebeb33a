from django.core.management.base import BaseCommand, CommandError

from accounts.customers import known_user
from privacy import export, export_requests


class Command(BaseCommand):
    help = "Write one account's data (the ZIP of privacy.export) to a file; the export is logged."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The account's email address.")
        parser.add_argument("path", help="Where to write the ZIP file.")

    def handle(self, *args, email, path, **options):
        user = known_user(email.strip())
        if user is None:
            raise CommandError(f"No account has the address {email}.")
        try:
            with open(path, "wb") as target:
                counts = export.write(user, target)
        except OSError as error:
            raise CommandError(f"Could not write {path}: {error}") from error
        export_requests.log(user, by=None, via="command", counts=counts)
        self.stdout.write(
            f"Wrote {path}: {counts['tickets']} tickets, {counts['copied_on']} copied on, "
            f"{counts['files']} files."
        )
