from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD, seed_accounts
from helpcenter.demo import seed_help_center, seed_report_activity
from notifications.events import emails_muted
from tickets.demo import seed_tickets


class Command(BaseCommand):
    help = "Load the demo data. Safe to run again: it only adds what is missing."

    def handle(self, *args, **options):
        # The demo's tickets and application notify in the site and the admin, never by email.
        with emails_muted():
            created = seed_accounts()
            for user in created:
                self.stdout.write(f"Created {user.email}")
            seed_help_center()
            seed_tickets()
            seed_report_activity()
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready. Every demo account's password: {DEMO_PASSWORD}")
        )
