"""`manage.py erase_personal_data <email>`: erase a customer from the shell (privacy.erasure)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.customers import known_user
from privacy.erasure import erase_customer


class Command(BaseCommand):
    help = "Erase a customer's personal data, keeping their tickets' figures."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the customer's email address (or a verified one)")

    def handle(self, *args, email, **options):
        user = known_user(email.strip())
        if user is None:
            raise CommandError(f"No account has the address {email}.")
        try:
            action = erase_customer(user, by=None)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        counts = ", ".join(f"{kind}: {count}" for kind, count in action.details.items())
        self.stdout.write(f"Erased account {user.pk} ({counts or 'nothing else held'}).")
