import sys
from pathlib import Path

from anymail.inbound import AnymailInboundMessage
from django.core.management.base import BaseCommand, CommandError

from tickets.intake import ingest


class Command(BaseCommand):
    help = (
        "Take in one raw RFC 822 email, from a file or from standard input ('-'), exactly as the "
        "inbound webhook would: a reply, a new ticket, ignored or held for review. For a mail "
        "server's pipe (e.g. Postfix: `| manage.py ingest_email -`) or a saved .eml file. No "
        "provider vouches for it: only Authentication-Results from a server in "
        "INBOUND_EMAIL_TRUSTED_AUTHSERV_IDS authenticate its sender."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", default="-", help="A .eml file, or - for stdin.")

    def handle(self, *args, source, **options):
        if source == "-":
            raw = sys.stdin.buffer.read()
        else:
            try:
                raw = Path(source).read_bytes()
            except OSError as error:
                raise CommandError(f"Cannot read {source}: {error.strerror}.") from None
        if not raw.strip():
            raise CommandError("The message is empty.")
        record, new = ingest(AnymailInboundMessage.parse_raw_mime_bytes(raw), channel="command")
        if not new:
            self.stdout.write(f"Already received {record.message_id}: nothing to do.")
            return
        self.stdout.write(f"{record.get_outcome_display()}: {record.reason}")
