from django.core.management.base import BaseCommand

from privacy import retention


class Command(BaseCommand):
    help = (
        "Apply the retention schedules (Settings › Data retention) now, as the hourly job does: "
        "bounded batches, the rest left for the next run. --dry-run only says what is due."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Change nothing; list what is due."
        )

    def handle(self, *args, dry_run, **options):
        counts = {} if dry_run else retention.apply_retention()
        for due in retention.due_now():
            if due.cutoff is None:
                self.stdout.write(f"{due.rule.label}: never (no schedule set)")
                continue
            count = "?" if due.count is None else due.count
            line = f"{due.rule.label} (before {due.cutoff:%Y-%m-%d %H:%M}): "
            if dry_run:
                self.stdout.write(f"{line}{count} due")
            else:
                self.stdout.write(f"{line}{counts.get(due.rule.name, 0)} done, {count} still due")
