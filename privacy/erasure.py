"""Erasing a customer, and anonymising a ticket: the personal data goes, the figures stay.

What the help desk counts (tickets' numbers, statuses, times, categories, teams, SLA marks,
ratings; orders' numbers and totals; help-center votes and search counts) is kept, so reports
read the same. What names or describes a person goes: their account's details, their words and
files, the addresses and copies of emails sent to or received from them, and their name wherever
staff wrote it (privacy.scrubbing). An anonymised ticket keeps its staff's text, scrubbed, and
loses its subject, description, extra fields, customers' messages, attachments, CCs, emails and
notifications; its history keeps its changes of status, priority, team, assignee and so on.

Everything happens in one transaction; the files go from storage once it commits. The audit log
(privacy.PrivacyAction) records who did it and counts of what went, never the values.
"""

from collections import Counter
from importlib import import_module

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks_db.models import DBTaskResult
from wagtail.admin.models import EditingSession
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import APIToken, ModelLogEntry, PageLogEntry, Revision
from wagtail.users.models import UserProfile

from accounts.models import AgentApplication, Organization, User
from notifications.models import EmailDelivery, Notification
from tickets import kept_uploads
from tickets.models import Attachment, Feedback, InboundEmail, Message, Ticket, TicketCC

from . import export_requests
from .models import DataExport, PrivacyAction
from .scrubbing import Scrubber, identifiers

REMOVED_ON_REQUEST = gettext_lazy("[removed at the customer's request]")
REMOVED_ANONYMISED = gettext_lazy("[removed: this ticket was anonymised]")
ERASED_EMAIL_DOMAIN = "erased.invalid"  # RFC 2606: can never receive mail


def stored(text):
    """Text written into the database, in the site's language (not the request's)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def works_for_support(user):
    """Whoever may use the admin (agents, support admins, editors, superusers): their accounts
    are the team's records, closed by taking their role away, not by erasure."""
    return (
        user.is_superuser
        or Permission.objects.filter(
            Q(group__user=user) | Q(user=user),
            content_type__app_label="wagtailadmin",
            codename="access_admin",
        ).exists()
    )


def check_erasable(user):
    """Raise ValidationError, saying why, when `user` cannot be erased."""
    if user.erased_at:
        raise ValidationError(_("This account was erased already."))
    if works_for_support(user):
        raise ValidationError(
            _(
                "This account belongs to a member of the support team: take their role away "
                "in the admin instead."
            )
        )


def erase_customer(user, *, by):
    """Erase the customer `user` (`by`: who asked, themselves or a support admin; None for the
    shell). Returns the audit log's PrivacyAction. Raises ValidationError for staff accounts
    and accounts erased already."""
    check_erasable(user)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        check_erasable(user)
        scrubber = Scrubber(identifiers(user))
        addresses = sorted(
            {user.email.lower()}
            | {
                email.lower()
                for email in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
            }
        )
        files, counts = [], Counter()
        ticket_ids = list(Ticket.objects.filter(customer=user).values_list("pk", flat=True))
        involved = _tickets_taken_part_in(user, addresses)
        counts.update(
            _anonymise(
                ticket_ids, marker=stored(REMOVED_ON_REQUEST), scrubber=scrubber, files=files
            )
        )
        counts.update(_their_traces(user, addresses, ticket_ids, files=files))
        counts.update(_mentions(scrubber, addresses, involved))
        _sign_out_everywhere(user, files)
        _make_placeholder(user)
        action = PrivacyAction.objects.create(
            kind=PrivacyAction.Kind.ERASE,
            actor=by,
            subject_user_id=user.pk,
            details={key: value for key, value in sorted(counts.items()) if value},
        )
        transaction.on_commit(lambda: _delete_files(files))
    return action


def anonymise_ticket(ticket, *, by=None):
    """Remove the personal data from one ticket (`by` None: the retention job). Returns the
    audit log's PrivacyAction, or None when the ticket was anonymised already."""
    with transaction.atomic():
        ticket = (
            Ticket.objects.select_for_update(of=("self",))
            .select_related("customer")
            .get(pk=ticket.pk)
        )
        if ticket.anonymised_at:
            return None
        values = identifiers(ticket.customer)
        for cc in TicketCC.objects.filter(ticket=ticket).select_related("user"):
            values += [cc.email, *(identifiers(cc.user) if cc.user else ())]
        files = []
        counts = _anonymise(
            [ticket.pk], marker=stored(REMOVED_ANONYMISED), scrubber=Scrubber(values), files=files
        )
        action = PrivacyAction.objects.create(
            kind=PrivacyAction.Kind.ANONYMISE,
            actor=by,
            ticket=ticket,
            details={key: value for key, value in sorted(counts.items()) if value},
        )
        transaction.on_commit(lambda: _delete_files(files))
    return action


def due_for_anonymising(cutoff):
    """Closed tickets closed before `cutoff` and not anonymised yet, oldest closed first."""
    return (
        Ticket.objects.closed_before(cutoff)
        .filter(anonymised_at__isnull=True)
        .order_by("closed_at", "pk")
    )


def anonymise_due_tickets(cutoff, *, limit):
    """Anonymise at most `limit` of the tickets due (due_for_anonymising), each in its own
    transaction so an interrupted run keeps what it did; return how many."""
    done = 0
    for ticket in due_for_anonymising(cutoff)[:limit]:
        if anonymise_ticket(ticket) is not None:
            done += 1
    return done


def _anonymise(ticket_ids, *, marker, scrubber, files):
    """The tickets' personal data removed (see the module's docstring); counts of what went."""
    counts = Counter()
    if not ticket_ids:
        return counts
    tickets = Ticket.objects.filter(pk__in=ticket_ids)
    counts["tickets"] += tickets.update(
        subject=marker, description=marker, extra_fields={}, anonymised_at=timezone.now()
    )
    _scrub(tickets, ("priority_justification", "resolution_notes"), scrubber)
    numbers = dict(tickets.values_list("pk", "number"))
    entries = list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Ticket),
            object_id__in=[str(pk) for pk in ticket_ids],
        ).only("pk", "object_id")
    )
    for entry in entries:
        entry.label, entry.data = f"{numbers[int(entry.object_id)]} {marker}", {}
    ModelLogEntry.objects.bulk_update(entries, ["label", "data"], batch_size=500)
    history = Ticket.history.model.objects.filter(id__in=ticket_ids)
    history.update(subject=marker, description=marker, extra_fields={})
    _scrub(
        history, ("priority_justification", "resolution_notes", "history_change_reason"), scrubber
    )
    counts["messages"] += Message.objects.filter(ticket__in=ticket_ids, is_staff=False).update(
        body=marker
    )
    _scrub(Message.objects.filter(ticket__in=ticket_ids, is_staff=True), ("body",), scrubber)
    counts["attachments"] += _delete_attachments(
        Attachment.objects.filter(ticket__in=ticket_ids), files
    )
    counts["rating_comments"] += (
        Feedback.objects.filter(ticket__in=ticket_ids).exclude(comment="").update(comment=marker)
    )
    counts["ccs"] += TicketCC.objects.filter(ticket__in=ticket_ids).delete()[0]
    counts["incoming_emails"] += InboundEmail.objects.filter(ticket__in=ticket_ids).delete()[0]
    counts["emails"] += EmailDelivery.objects.filter(ticket__in=ticket_ids).delete()[0]
    counts["notifications"] += Notification.objects.filter(ticket__in=ticket_ids).delete()[0]
    return counts


def _their_traces(user, addresses, ticket_ids, *, files):
    """What the customer left outside their own tickets, and what only identifies them."""
    counts = Counter()
    counts["messages"] += (
        Message.objects.filter(author=user)
        .exclude(ticket__in=ticket_ids)
        .update(body=stored(REMOVED_ON_REQUEST))
    )
    counts["attachments"] += _delete_attachments(Attachment.objects.filter(uploaded_by=user), files)
    counts["ccs"] += TicketCC.objects.filter(Q(user=user) | Q(email__in=addresses)).delete()[0]
    counts["notifications"] += Notification.objects.filter(recipient=user).delete()[0]
    counts["emails"] += EmailDelivery.objects.filter(
        Q(recipient=user) | _any_of("to", addresses, lookup="iexact")
    ).delete()[0]
    counts["incoming_emails"] += InboundEmail.objects.filter(
        _any_of("from_email", addresses, lookup="iexact")
    ).delete()[0]
    for name in (
        DataExport.objects.filter(user=user).exclude(file="").values_list("file", flat=True)
    ):
        files.append((export_requests.storage(), name))
    counts["data_exports"] += DataExport.objects.filter(user=user).delete()[0]
    counts["sign_in_addresses"] += EmailAddress.objects.filter(user=user).delete()[0]
    counts["api_tokens"] += APIToken.objects.filter(user=user).delete()[0]
    counts["agent_applications"] += AgentApplication.objects.filter(user=user).delete()[0]
    Organization.objects.filter(admin=user).update(admin=None)
    for profile in UserProfile.objects.filter(user=user):
        if profile.avatar:
            files.append((profile.avatar.storage, profile.avatar.name))
        profile.delete()
    EditingSession.objects.filter(user=user).delete()
    user_type = ContentType.objects.get_for_model(User)
    ModelLogEntry.objects.filter(content_type=user_type, object_id=str(user.pk)).update(
        label=stored(REMOVED_ON_REQUEST), data={}
    )
    return counts


def _tickets_taken_part_in(user, addresses):
    """The tickets where the customer may be named: theirs, those they were copied on, those
    they wrote on. (Searching every message of the help desk for them would scan millions.)"""
    return sorted(
        set(
            Ticket.objects.filter(
                Q(customer=user)
                | Q(ccs__user=user)
                | Q(ccs__email__in=addresses)
                | Q(messages__author=user)
            ).values_list("pk", flat=True)
        )
    )


def _mentions(scrubber, addresses, involved):
    """Other rows naming the customer (by an address, their name, phone or business name):
    scrubbed where the rest is the help desk's, deleted where it is a copy of their data. Rows
    of tickets are searched on the tickets they took part in; the logs, incoming emails, task
    and form rows (kept for weeks, not years) everywhere."""
    counts = Counter()
    strong = [value for value in scrubber.values if len(value) >= 5 or value in addresses]
    if not strong:
        return counts
    for queryset, fields in (
        (Message.objects.filter(ticket__in=involved), ("body",)),
        (
            Ticket.objects.filter(pk__in=involved),
            ("subject", "description", "resolution_notes", "extra_fields"),
        ),
        (
            Ticket.history.model.objects.filter(id__in=involved),
            ("subject", "description", "resolution_notes", "extra_fields", "history_change_reason"),
        ),
        (Notification.objects.filter(ticket__in=involved), ("text",)),
        (
            EmailDelivery.objects.filter(ticket__in=involved),
            ("to", "subject", "body_text", "body_html"),
        ),
        (InboundEmail.objects.all(), ("from_name", "to", "subject", "body_text")),
        (ModelLogEntry.objects.all(), ("label", "data")),
        (PageLogEntry.objects.all(), ("label", "data")),
        (Revision.objects.all(), ("object_str",)),
    ):
        counts["mentions"] += _scrub(queryset.filter(_mentioning(fields, strong)), fields, scrubber)
    for queryset, fields in (
        (DBTaskResult.objects.all(), ("args_kwargs", "return_value")),
        (FormSubmission.objects.all(), ("form_data",)),
    ):
        counts["queued_copies"] += queryset.filter(_mentioning(fields, strong)).delete()[0]
    return counts


def _sign_out_everywhere(user, files):
    """End the customer's sessions, with the files their unsent forms kept (kept_uploads)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = session.get_decoded()
        if data.get(SESSION_KEY) != str(user.pk):
            continue
        storage = storages["attachments"]
        for entries in data.get(kept_uploads.SESSION_KEY, {}).values():
            files.extend((storage, entry["path"]) for entry in entries)
        store(session_key=session.session_key).delete()


def _make_placeholder(user):
    """The account row kept for the tickets' and orders' sake, naming nobody."""
    user.email = f"erased-{user.pk}@{ERASED_EMAIL_DOMAIN}"
    user.name = user.business_name = user.phone = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_available = False
    user.organization = None
    user.last_login = None
    user.erased_at = timezone.now()
    user.save()
    user.user_permissions.clear()


def _scrub(queryset, fields, scrubber):
    """Scrub these text or JSON fields of the rows; return how many rows changed."""
    changed = []
    for row in queryset.only("pk", *fields).iterator():
        before = [getattr(row, field) for field in fields]
        for field, value in zip(fields, before, strict=True):
            clean = (
                scrubber.json(value) if isinstance(value, (dict, list)) else scrubber.text(value)
            )
            setattr(row, field, clean)
        if [getattr(row, field) for field in fields] != before:
            changed.append(row)
    if changed:
        queryset.model.objects.bulk_update(changed, fields, batch_size=500)
    return len(changed)


def _delete_attachments(queryset, files):
    attachments = list(queryset.only("pk", "file"))
    files.extend((attachment.file.storage, attachment.file.name) for attachment in attachments)
    Attachment.objects.filter(pk__in=[attachment.pk for attachment in attachments]).delete()
    return len(attachments)


def _delete_files(files):
    for storage, name in files:
        if name:
            storage.delete(name)


def _any_of(field, values, *, lookup):
    condition = Q()
    for value in values:
        condition |= Q(**{f"{field}__{lookup}": value})
    return condition


def _mentioning(fields, values):
    condition = Q()
    for field in fields:
        condition |= _any_of(field, values, lookup="icontains")
    return condition
