"""A customer's data as one ZIP: `data.json` and the files they uploaded.

What is theirs: their account, sign-in addresses, orders, the tickets they opened (the public
thread: their own messages and the support team's replies, staff named as the portal names them;
never internal notes, nor what other customers copied on it wrote), their part of the tickets
they are copied on (their own messages and files only: the rest is the ticket customer's), their
ratings, their help-center votes, their in-app notifications and the emails sent to them (for a
ticket they are only copied on, its number and the time, not its text). Everything is read in a
fixed number of queries however many tickets there are.
"""

import json
import shutil
import zipfile
from pathlib import PurePosixPath

from allauth.account.models import EmailAddress
from django.core.exceptions import SuspiciousFileOperation
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import get_valid_filename

from helpcenter.feedback import visitor_key_for
from helpcenter.models import ArticleFeedback
from notifications.models import EmailDelivery, Notification
from tickets.choices import customer_label
from tickets.models import Attachment, Message, Order, OrderLine, Ticket, TicketCC

DATA_FILE = "data.json"
ATTACHMENTS_FOLDER = "attachments"


def write(user, target):
    """Write the user's ZIP to `target` (a binary file, written in order: a temporary file or
    a path's file, never the whole archive in memory); return what it holds, as counts."""
    collected = _Collected(user)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        files = collected.write_attachments(archive)
        archive.writestr(DATA_FILE, json.dumps(collected.data(), cls=DjangoJSONEncoder, indent=2))
    return {**collected.counts(), "files": files}


class _Collected:
    def __init__(self, user):
        self.user = user
        self.own_tickets = list(
            Ticket.objects.filter(customer=user)
            .select_related("category", "order", "feedback")
            .order_by("created_at", "pk")
        )
        self.copied = list(
            TicketCC.objects.filter(user=user)
            .exclude(ticket__customer=user)
            .select_related("ticket")
            .order_by("created_at", "pk")
        )
        tickets = [*self.own_tickets, *(cc.ticket for cc in self.copied)]
        ids = [ticket.pk for ticket in tickets]
        self.copied_ids = {cc.ticket_id for cc in self.copied}
        # The public thread's messages that are the user's to have: theirs everywhere, and the
        # support team's on their own tickets.
        self.messages = list(
            Message.objects.filter(ticket_id__in=ids, is_internal=False)
            .select_related("author")
            .order_by("created_at", "pk")
        )
        self.messages = [
            message
            for message in self.messages
            if message.author_id == user.pk
            or (message.is_staff and message.ticket_id not in self.copied_ids)
        ]
        self.attachments = list(
            Attachment.objects.filter(ticket_id__in=ids, uploaded_by=user, removed_at__isnull=True)
            .exclude(message__is_internal=True)
            .order_by("pk")
        )
        self.archive_names = _archive_names(self.attachments, {t.pk: t.number for t in tickets})

    def counts(self):
        return {
            "tickets": len(self.own_tickets),
            "copied_on": len(self.copied),
            "messages": len(self.messages),
        }

    def write_attachments(self, archive):
        """Copy each file into the archive in chunks; a file already gone from storage (a
        retention schedule deleted it) is listed without one."""
        written = 0
        for attachment in self.attachments:
            name = self.archive_names[attachment.pk]
            try:
                source = attachment.file.open("rb")
            except FileNotFoundError:
                self.archive_names[attachment.pk] = None
                continue
            with source, archive.open(name, "w") as copy:
                shutil.copyfileobj(source, copy)
            written += 1
        return written

    def data(self):
        user = self.user
        return {
            "exported_at": timezone.now(),
            "account": {
                "email": user.email,
                "name": user.name,
                "phone": user.phone,
                "business_name": user.business_name,
                "organisation": user.organization.name if user.organization_id else None,
                "date_joined": user.date_joined,
                "last_login": user.last_login,
            },
            "sign_in_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("pk")
            ],
            "orders": self._orders(),
            "tickets": [self._own_ticket(ticket) for ticket in self.own_tickets],
            "copied_on": [self._copied_ticket(cc) for cc in self.copied],
            "article_votes": self._votes(),
            "notifications": self._notifications(),
            "emails": self._emails(),
        }

    def _orders(self):
        orders = Order.objects.filter(customer=self.user).prefetch_related(
            Prefetch("lines", queryset=OrderLine.objects.order_by("pk"))
        )
        return [
            {
                "number": order.number,
                "placed_at": order.placed_at,
                "status": order.get_status_display(),
                "total": order.total,
                "lines": [
                    {
                        "product": line.product,
                        "quantity": line.quantity,
                        "unit_price": line.unit_price,
                    }
                    for line in order.lines.all()
                ],
            }
            for order in orders
        ]

    def _thread(self, ticket):
        return [
            {
                "from": "you" if message.author_id == self.user.pk else "support team",
                # As the portal shows them (templates/tickets/includes/thread_messages.html).
                "author": message.author.get_short_name()
                if message.is_staff and message.author_id != self.user.pk
                else message.author.get_full_name(),
                "sent": message.created_at,
                "text": message.body,
                "attachments": self._files(ticket, message.pk),
            }
            for message in self.messages
            if message.ticket_id == ticket.pk
        ]

    def _files(self, ticket, message_id):
        return [
            self.archive_names[attachment.pk]
            for attachment in self.attachments
            if attachment.ticket_id == ticket.pk
            and attachment.message_id == message_id
            and self.archive_names[attachment.pk]
        ]

    def _own_ticket(self, ticket):
        feedback = getattr(ticket, "feedback", None)
        return {
            "number": ticket.number,
            "subject": ticket.subject,
            "description": ticket.description,
            "status": str(customer_label(ticket.status)),
            "category": ticket.category.name if ticket.category_id else None,
            "order": ticket.order.number if ticket.order_id else None,
            "priority": ticket.get_priority_display(),
            "priority_justification": ticket.priority_justification,
            "extra_fields": ticket.extra_fields,
            "opened": ticket.created_at,
            "resolved": ticket.resolved_at,
            "closed": ticket.closed_at,
            "attachments": self._files(ticket, None),
            "messages": self._thread(ticket),
            "rating": {
                "stars": feedback.rating,
                "comment": feedback.comment,
                "given": feedback.created_at,
            }
            if feedback
            else None,
        }

    def _copied_ticket(self, cc):
        ticket = cc.ticket
        return {
            "number": ticket.number,
            "copied_since": cc.created_at,
            "status": str(customer_label(ticket.status)),
            "attachments": self._files(ticket, None),
            "messages": self._thread(ticket),
        }

    def _votes(self):
        votes = ArticleFeedback.objects.filter(visitor=visitor_key_for(self.user)).select_related(
            "page"
        )
        return [
            {
                "article": vote.page.title,
                "address": vote.page.url,
                "helpful": vote.helpful,
                "comment": vote.comment,
                "answered": vote.created_at,
                "changed": vote.updated_at,
            }
            for vote in votes
        ]

    def _notifications(self):
        notices = Notification.objects.filter(recipient=self.user).select_related("ticket")
        return [
            {
                "about": notice.get_kind_display(),
                "ticket": notice.ticket.number if notice.ticket_id else None,
                "sent": notice.created_at,
                "read": notice.read_at,
            }
            for notice in notices.only("kind", "created_at", "read_at", "ticket__number")
        ]

    def _emails(self):
        emails = (
            EmailDelivery.objects.filter(recipient=self.user)
            .select_related("ticket")
            .only("kind", "to", "status", "created_at", "sent_at", "ticket__number")
        )
        return [
            {
                "about": email.get_kind_display(),
                "ticket": email.ticket.number if email.ticket_id else None,
                "to": email.to,
                "status": email.get_status_display(),
                "written": email.created_at,
                "sent": email.sent_at,
            }
            for email in emails.order_by("created_at", "pk")
        ]


def _archive_names(attachments, numbers):
    """attachments/<ticket number>/<the file's name, made safe>, unique within the archive."""
    names, taken = {}, set()
    for attachment in attachments:
        original = PurePosixPath(attachment.original_name.replace("\\", "/")).name
        try:
            safe = get_valid_filename(original)
        except SuspiciousFileOperation:
            safe = f"file-{attachment.pk}"
        stem, suffix = PurePosixPath(safe).stem, PurePosixPath(safe).suffix
        folder = f"{ATTACHMENTS_FOLDER}/{numbers[attachment.ticket_id]}"
        name, n = f"{folder}/{safe}", 1
        while name.lower() in taken:
            n += 1
            name = f"{folder}/{stem} ({n}){suffix}"
        taken.add(name.lower())
        names[attachment.pk] = name
    return names
