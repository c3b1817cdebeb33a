"""The ticket workflow: every change to a ticket, from any entry point, goes through here.

Each function checks who is acting, applies the rule, records history (who and why) and saves,
in one transaction. Web views, the Wagtail admin, the API and email intake only translate their
input into these calls. Bad input raises ValidationError (by field where there is one); a
forbidden action raises PermissionDenied.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage
from django_ratelimit.exceptions import Ratelimited

from accounts.roles import is_agent
from supportsite.signals import send_on_commit
from tickets import limits

from . import signals
from .assignment import next_agent
from .attachments import check_uploads
from .choices import ACTIVE_STATUSES, PRESSING_PRIORITIES, Priority, Source, Status
from .customers import customer_for_staff
from .models import Attachment, Deflection, Feedback, Message, Ticket, TicketReadState
from .numbering import next_ticket_number
from .permissions import (
    can_merge_across_customers,
    can_reassign,
    can_take,
    can_view_ticket,
    require,
    require_staff,
    visible_macros,
)
from .sla.targets import follow_status, set_due_times
from .transitions import check_transition


def _save(ticket, *, by, reason):
    ticket._history_user = by
    # The history's column holds this much; forms and the API say so, this makes sure.
    ticket._change_reason = str(reason)[: limits.REASON_MAX_LENGTH]
    ticket.save()


def _locked(ticket):
    return Ticket.objects.select_for_update().get(pk=ticket.pk)


def _store_attachments(checked, *, ticket, message, by):
    for upload, content_type in checked:
        Attachment.objects.create(
            ticket=ticket,
            message=message,
            file=upload,
            original_name=upload.name[:255],
            content_type=content_type,
            size=upload.size,
            uploaded_by=by,
        )


def _check_rate(person, *, group, per_hour, message):
    """Count one more `group` action by `person`; past `per_hour` in the hour, refuse it."""
    usage = get_usage(
        request=None,
        group=group,
        key=lambda group, request: str(person.pk),
        rate=f"{per_hour}/h",
        increment=True,
    )
    if usage is not None and usage["should_limit"]:
        error = Ratelimited(message)
        # Seconds until the hour's window ends, for a Retry-After header (the API's 429).
        error.retry_after = usage["time_left"] if usage["time_left"] > 0 else None
        raise error


def needs_justification(priority, *, on_behalf=False):
    """A customer who chooses high or urgent priority says why; staff opening a ticket on their
    behalf, and a category's default priority, need no reason. Forms ask by this rule too."""
    return bool(priority) and not on_behalf and priority in PRESSING_PRIORITIES


def missing_justification():
    return _("Tell us why this needs high or urgent attention.")


def _check_new_ticket_rate(customer):
    _check_rate(
        customer,
        group="tickets.open_ticket",
        per_hour=limits.NEW_TICKETS_PER_HOUR,
        message=ngettext(
            "You have opened %(count)d ticket in the last hour. Please wait a little.",
            "You have opened %(count)d tickets in the last hour. Please wait a little.",
            limits.NEW_TICKETS_PER_HOUR,
        )
        % {"count": limits.NEW_TICKETS_PER_HOUR},
    )


def _check_reply_rate(author):
    _check_rate(
        author,
        group="tickets.post_message",
        per_hour=limits.REPLIES_PER_HOUR,
        message=ngettext(
            "You have sent %(count)d reply in the last hour. Please wait a little.",
            "You have sent %(count)d replies in the last hour. Please wait a little.",
            limits.REPLIES_PER_HOUR,
        )
        % {"count": limits.REPLIES_PER_HOUR},
    )


@transaction.atomic
def open_ticket(
    *,
    customer=None,
    subject,
    description,
    opened_by=None,
    category=None,
    priority=None,
    priority_justification="",
    order=None,
    source=Source.WEB,
    source_page=None,
    extra_fields=None,
    attachments=(),
    previous_ticket=None,
    session_key=None,
    check_rate=True,
    customer_email="",
    customer_name="",
):
    """Open a ticket for a customer, by the customer or by staff on their behalf.

    Staff may name the customer by `customer_email` (and `customer_name`) instead: an existing
    customer's account, or a new one made for the address (tickets.customers). The hourly limit
    is the customer's own: staff opening on someone's behalf are not counted against it.
    check_rate=False is for trusted scripts (demo data, imports), never for a customer's request.
    Without a priority chosen (None or ""), the ticket takes its category's default priority,
    which needs no justification: the customer did not raise it.
    """
    errors = {}
    if customer is None:
        require(
            opened_by is not None and is_agent(opened_by),
            _("Only support staff may open a ticket for someone else."),
        )
        customer = customer_for_staff(customer_email, customer_name, errors=errors)
    chosen = bool(priority)
    if not chosen:
        priority = category.default_priority if category is not None else Priority.MEDIUM
    opened_by = opened_by or customer
    on_behalf = customer is None or opened_by.pk != customer.pk
    if on_behalf:
        require_staff(opened_by)

    justify = needs_justification(priority if chosen else None, on_behalf=on_behalf)
    if justify and not priority_justification.strip():
        errors["priority_justification"] = missing_justification()
    customer_pk = customer.pk if customer else None
    if order is not None and order.customer_id != customer_pk:
        errors["order"] = (
            _("Choose one of the customer's orders.")
            if on_behalf
            else _("Choose one of your own orders.")
        )
    if previous_ticket is not None and previous_ticket.customer_id != customer_pk:
        errors["previous_ticket"] = _("Choose one of your own tickets.")
    if category is not None and not category.is_active and not on_behalf:
        errors["category"] = _("Choose one of the categories offered.")
    ticket = Ticket(
        customer=customer,
        subject=subject.strip(),
        description=description.strip(),
        category=category,
        priority=priority,
        priority_justification=priority_justification.strip(),
        source=Source.AGENT if on_behalf and source == Source.WEB else source,
        order=order,
        source_page=source_page,
        extra_fields=extra_fields or {},
        previous_ticket=previous_ticket,
        number="pending",
    )
    try:
        ticket.full_clean(exclude=["number", "customer"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    try:
        checked = check_uploads(attachments)
    except ValidationError as error:
        errors["attachments"] = error.messages
    if errors:
        raise ValidationError(errors)
    if check_rate and not on_behalf:
        _check_new_ticket_rate(customer)

    ticket.number = next_ticket_number()
    set_due_times(ticket)
    if not on_behalf:
        ticket.assignee = next_agent(category)
    _save(ticket, by=opened_by, reason=_("Ticket opened"))
    _store_attachments(checked, ticket=ticket, message=None, by=opened_by)
    if session_key:
        Deflection.objects.filter(session_key=session_key, ticket__isnull=True).update(
            ticket=ticket
        )
    mark_read(ticket, opened_by)
    send_on_commit(signals.ticket_opened, Ticket, ticket=ticket, by=opened_by)
    return ticket


@transaction.atomic
def post_message(ticket, *, author, body, internal=False, attachments=(), source=Source.WEB):
    """Add a public reply or (staff only) an internal note, moving the status as replies do.

    Customers' replies are limited to so many an hour (limits.REPLIES_PER_HOUR), by any way in.
    """
    ticket = _locked(ticket)
    if not can_view_ticket(author, ticket):
        raise PermissionDenied(_("You cannot reply to this ticket."))
    staff = is_agent(author)
    if internal:
        require(staff, _("Only support staff may write internal notes."))
    if ticket.status == Status.CLOSED and not internal:
        raise ValidationError(
            {"body": _("This ticket is closed. Please open a new ticket to continue.")},
            code="closed",
        )
    message = Message(
        ticket=ticket,
        author=author,
        body=body.strip(),
        is_internal=internal,
        is_staff=staff,
        source=source,
    )
    errors = {}
    try:
        message.full_clean(exclude=["ticket", "author"])
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        checked = check_uploads(attachments)
    except ValidationError as error:
        errors["attachments"] = error.messages
    if errors:
        raise ValidationError(errors)
    if not staff:
        _check_reply_rate(author)
    message.save()
    _store_attachments(checked, ticket=ticket, message=message, by=author)

    now = message.created_at
    if not internal:
        _after_public_reply(ticket, author=author, staff=staff, now=now)
    mark_read(ticket, author, at=now)
    send_on_commit(signals.message_posted, Message, ticket=ticket, by=author, message=message)
    return message


def _after_public_reply(ticket, *, author, staff, now):
    reason = None
    if staff:
        ticket.last_staff_message_at = now
        if ticket.first_response_at is None:
            ticket.first_response_at = now
            reason = _("First response")
        if ticket.status == Status.OPEN:
            _set_status(ticket, Status.IN_PROGRESS, now=now)
            reason = _("Staff replied")
    else:
        ticket.last_customer_message_at = now
        if ticket.status == Status.WAITING_ON_CUSTOMER:
            _set_status(ticket, Status.IN_PROGRESS, now=now)
            reason = _("Customer replied")
        elif ticket.status == Status.RESOLVED:
            reopened = Status.IN_PROGRESS if ticket.assignee_id else Status.OPEN
            _set_status(ticket, reopened, now=now)
            reason = _("Customer replied after resolution: reopened")
    if reason:
        _save(ticket, by=author, reason=reason)
    else:
        Ticket.objects.filter(pk=ticket.pk).update(
            last_staff_message_at=ticket.last_staff_message_at,
            last_customer_message_at=ticket.last_customer_message_at,
            updated_at=now,
        )


def _set_status(ticket, status, *, now):
    previous = ticket.status
    if status == Status.RESOLVED:
        ticket.resolved_at = now
    elif status == Status.CLOSED:
        ticket.closed_at = now
        ticket.resolved_at = ticket.resolved_at or now
    else:
        ticket.resolved_at = None
    ticket.status = status
    follow_status(ticket, previous, now=now)


@transaction.atomic
def change_status(ticket, *, by, status, reason="", resolution_notes=None):
    """Staff move a ticket along the transition table (tickets.transitions)."""
    require_staff(by)
    ticket = _locked(ticket)
    check_transition(ticket.status, status)
    _set_status(ticket, Status(status), now=timezone.now())
    if resolution_notes is not None:
        ticket.resolution_notes = resolution_notes.strip()
    _save(
        ticket,
        by=by,
        reason=reason.strip()
        or _("Status changed to %(status)s") % {"status": ticket.get_status_display()},
    )
    send_on_commit(signals.status_changed, Ticket, ticket=ticket, by=by)
    return ticket


@transaction.atomic
def change_priority(ticket, *, by, priority, reason=""):
    require_staff(by)
    ticket = _locked(ticket)
    if ticket.status == Status.CLOSED:
        raise ValidationError({"priority": _("A closed ticket cannot change priority.")})
    previous = ticket.priority
    ticket.priority = Priority(priority)
    set_due_times(ticket)
    _save(
        ticket,
        by=by,
        reason=reason.strip()
        or _("Priority changed to %(priority)s") % {"priority": ticket.get_priority_display()},
    )
    send_on_commit(signals.priority_changed, Ticket, ticket=ticket, by=by, previous=previous)
    return ticket


@transaction.atomic
def assign(ticket, *, by, assignee, reason=""):
    """Agents take unassigned tickets and let go of their own; whether they may hand them to
    someone else, and who may take someone else's, is tickets.permissions' can_reassign."""
    require_staff(by)
    ticket = _locked(ticket)
    if assignee is not None and not is_agent(assignee):
        raise ValidationError({"assignee": _("Tickets can only be assigned to support agents.")})
    if assignee is not None and assignee.pk == by.pk:
        require(can_take(by, ticket), _("This ticket is already assigned to someone else."))
    elif not (assignee is None and ticket.assignee_id == by.pk):
        require(can_reassign(by, ticket), _("Only support admins may assign tickets to others."))
    previous = ticket.assignee_id
    ticket.assignee = assignee
    _save(
        ticket,
        by=by,
        reason=reason.strip()
        or (
            _("Assigned to %(name)s") % {"name": assignee.get_full_name()}
            if assignee
            else _("Unassigned")
        ),
    )
    send_on_commit(signals.assigned, Ticket, ticket=ticket, by=by, previous=previous)
    return ticket


@transaction.atomic
def confirm_resolution(ticket, *, by):
    """The customer agrees the problem is solved: the ticket closes."""
    ticket = _locked(ticket)
    require(ticket.customer_id == by.pk, _("Only the customer can confirm the resolution."))
    if ticket.status != Status.RESOLVED:
        raise ValidationError(_("Only a resolved ticket can be confirmed."), code="not_resolved")
    _set_status(ticket, Status.CLOSED, now=timezone.now())
    _save(ticket, by=by, reason=_("Customer confirmed the resolution"))
    send_on_commit(signals.resolution_confirmed, Ticket, ticket=ticket, by=by)
    return ticket


@transaction.atomic
def rate(ticket, *, by, rating, comment=""):
    """The customer rates the help they got, once, after resolution."""
    ticket = _locked(ticket)
    require(ticket.customer_id == by.pk, _("Only the customer can rate this ticket."))
    if ticket.status in ACTIVE_STATUSES:
        raise ValidationError(
            {"rating": _("You can rate a ticket once it is resolved.")}, code="not_resolved"
        )
    if Feedback.objects.filter(ticket=ticket).exists():
        raise ValidationError({"rating": _("You have already rated this ticket.")}, code="rated")
    feedback = Feedback(ticket=ticket, rating=rating, comment=comment.strip())
    feedback.full_clean(exclude=["ticket"])
    feedback.save()
    send_on_commit(signals.rated, Feedback, ticket=ticket, by=by, feedback=feedback)
    return feedback


def comment_on_rating(ticket, *, by, comment):
    """The customer's words after a rating given in one click (the email's stars): once."""
    ticket = _locked(ticket)
    require(ticket.customer_id == by.pk, _("Only the customer can rate this ticket."))
    feedback = Feedback.objects.filter(ticket=ticket).first()
    if feedback is None:
        raise ValidationError({"comment": _("Rate the help you got first.")}, code="not_rated")
    if feedback.comment:
        raise ValidationError(
            {"comment": _("You have already told us about this ticket.")}, code="commented"
        )
    feedback.comment = comment.strip()
    feedback.full_clean(exclude=["ticket"])
    feedback.save(update_fields=["comment"])
    return feedback


def mark_read(ticket, user, at=None):
    """Remember when this user last read the thread (one upsert, whatever the state)."""
    TicketReadState.objects.bulk_create(
        [TicketReadState(ticket=ticket, user=user, last_read_at=at or timezone.now())],
        update_conflicts=True,
        unique_fields=["ticket", "user"],
        update_fields=["last_read_at"],
    )


def record_deflection(*, session_key, page, contact_page=None, query=""):
    """A visitor opened a suggested article from a contact form; until they send a ticket, the
    article counts as having answered them."""
    return Deflection.objects.create(
        session_key=session_key, page=page, contact_page=contact_page, query=query[:200]
    )


BREACH_FIELDS = {
    "first_response": "first_response_breached_at",
    "resolution": "resolution_breached_at",
}


@transaction.atomic
def record_breach(ticket, *, target, now):
    """Escalate a ticket whose SLA target has passed, once per target, whoever else tries too.

    The claim is one conditional UPDATE: of two schedulers racing, exactly one changes the row
    and goes on to write the history entry and alert the support admins.
    """
    field = BREACH_FIELDS[target]
    claimed = Ticket.objects.filter(pk=ticket.pk, **{f"{field}__isnull": True}).update(
        **{field: now}
    )
    if not claimed:
        return False
    ticket = _locked(ticket)
    ticket.escalated = True
    ticket.escalated_at = ticket.escalated_at or now
    reason = (
        _("First response target missed")
        if target == "first_response"
        else _("Resolution target missed")
    )
    _save(ticket, by=None, reason=reason)
    send_on_commit(signals.sla_breached, Ticket, ticket=ticket, by=None, target=target)
    return True


@transaction.atomic
def close_resolved(ticket, *, now, after_days):
    """Close a ticket the customer never confirmed, some days after it was resolved."""
    ticket = _locked(ticket)
    if ticket.status != Status.RESOLVED:
        return False
    _set_status(ticket, Status.CLOSED, now=now)
    _save(
        ticket,
        by=None,
        reason=_("Closed automatically %(days)d days after resolution") % {"days": after_days},
    )
    send_on_commit(signals.status_changed, Ticket, ticket=ticket, by=None)
    return True


# What staff may correct on a ticket: the admin's "Correct details" form and the API's PATCH
# offer these fields.
CORRECTABLE_FIELDS = (
    "category",
    "subject",
    "order",
    "resolution_notes",
    "escalated",
    "extra_fields",
)


@transaction.atomic
def correct(ticket, *, by, reason, **changes):
    """Staff set a misfiled ticket right: any of CORRECTABLE_FIELDS, with a reason.

    Fields given at their current value are left alone; when none changes, nothing happens.
    Escalating by hand stamps `escalated_at` as the SLA job does; de-escalating clears it.
    `extra_fields` names some of the ticket's custom fields (the contact form's, by label) with
    their new values as text; the others keep theirs.
    """
    require_staff(by)
    errors = {
        name: _("This field cannot be corrected.")
        for name in changes
        if name not in CORRECTABLE_FIELDS
    }
    if errors:
        raise ValidationError(errors)
    ticket = _locked(ticket)
    if ticket.merged_into_id:
        raise ValidationError(
            _("This ticket was merged into %(number)s: correct that one.")
            % {"number": ticket.merged_into.number},
            code="merged",
        )
    for name in ("subject", "resolution_notes"):
        if name in changes:
            changes[name] = (changes[name] or "").strip()
    order = changes.get("order")
    if order is not None and order.customer_id != ticket.customer_id:
        errors["order"] = _("Choose one of the customer's orders.")
    if "extra_fields" in changes:
        extra, error = _corrected_extra_fields(ticket, changes["extra_fields"])
        if error:
            errors["extra_fields"] = error
        else:
            changes["extra_fields"] = extra
    changed = {
        name: value
        for name, value in changes.items()
        if name not in errors and _value_of(ticket, name) != _value_key(value)
    }
    if not changed and not errors:
        return ticket
    if not str(reason or "").strip():
        errors["reason"] = _("Say why you correct this ticket: it goes into its history.")
    for name, value in changed.items():
        setattr(ticket, name, value)
    try:
        ticket.clean_fields(exclude=[f.name for f in Ticket._meta.fields if f.name not in changed])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    if "escalated" in changed:
        ticket.escalated_at = timezone.now() if ticket.escalated else None
    if "category" in changed:
        set_due_times(ticket)
    _save(ticket, by=by, reason=reason.strip())
    send_on_commit(signals.corrected, Ticket, ticket=ticket, by=by, fields=tuple(changed))
    return ticket


def _corrected_extra_fields(ticket, given):
    """The ticket's custom fields with the given ones' new values, or an error."""
    if not isinstance(given, dict):
        return None, _("Name the custom fields with their new values.")
    unknown = sorted(str(label) for label in given if label not in ticket.extra_fields)
    if unknown:
        return None, _("This ticket has no field named %(labels)s.") % {
            "labels": ", ".join(unknown)
        }
    values = {label: str(value or "").strip() for label, value in given.items()}
    if any(len(value) > limits.EXTRA_FIELD_MAX_LENGTH for value in values.values()):
        return None, _("Keep each field under %(max)d characters.") % {
            "max": limits.EXTRA_FIELD_MAX_LENGTH
        }
    return {**ticket.extra_fields, **values}, None


def _value_of(ticket, name):
    field = Ticket._meta.get_field(name)
    return getattr(ticket, field.attname)


def _value_key(value):
    """What a field holds for `value`: a related object's primary key, else the value."""
    return getattr(value, "pk", value)


@transaction.atomic
def merge(tickets, *, into, by, reason=""):
    """Merge duplicates into one ticket, which goes on: their threads and files move to it (each
    message keeping its time and author), and they close, linked to it by `merged_into`.

    Agents merge one customer's tickets; support admins may merge different customers' tickets,
    whose public messages then move as internal notes (one customer never reads another's
    words). Tickets merged before into one of these follow them to the target, so a number
    always leads to the ticket that goes on in one step. Each customer is told once.
    """
    require_staff(by)
    pks = {ticket.pk for ticket in tickets}
    if not pks:
        raise ValidationError({"tickets": _("Choose the tickets to merge.")})
    if into.pk in pks:
        raise ValidationError({"into": _("A ticket cannot be merged into itself.")})
    locked = list(
        Ticket.objects.select_for_update()
        .filter(pk__in=pks | {into.pk})
        .select_related("customer")
        .order_by("pk")
    )
    target = next(ticket for ticket in locked if ticket.pk == into.pk)
    sources = [ticket for ticket in locked if ticket.pk != into.pk]
    if target.merged_into_id or target.status == Status.CLOSED:
        raise ValidationError({"into": _("Choose a ticket that is not closed or merged.")})
    already = [ticket.number for ticket in sources if ticket.merged_into_id]
    if already:
        raise ValidationError(
            {"tickets": _("Already merged: %(numbers)s.") % {"numbers": ", ".join(already)}}
        )
    across = any(ticket.customer_id != target.customer_id for ticket in sources)
    if across:
        require(
            can_merge_across_customers(by),
            _("Only support admins may merge tickets of different customers."),
        )

    now = timezone.now()
    for source in sources:
        _move_thread(source, target, as_notes=source.customer_id != target.customer_id)
        if source.status != Status.CLOSED:
            _set_status(source, Status.CLOSED, now=now)
        source.merged_into = target
        _save(
            source,
            by=by,
            reason=reason.strip() or _("Merged into %(number)s") % {"number": target.number},
        )
    for earlier in Ticket.objects.filter(merged_into__in=sources):
        earlier.merged_into = target
        _save(earlier, by=by, reason=_("Merged into %(number)s") % {"number": target.number})
    _follow_moved_messages(target)
    numbers = ", ".join(source.number for source in sources)
    _save(
        target,
        by=by,
        reason=reason.strip() or _("Merged %(numbers)s into this ticket") % {"numbers": numbers},
    )
    for customer_tickets in _by_customer(target, sources):
        send_on_commit(
            signals.merged,
            Ticket,
            ticket=customer_tickets[0],
            by=by,
            into=target,
            merged=tuple(t for t in customer_tickets if t.pk != target.pk),
        )
    return target


def _move_thread(source, target, *, as_notes):
    """The source's request becomes a message of the target, at its time, with its files; then
    its messages and their files move as they are."""
    opening = Message.objects.create(
        ticket=target,
        author=source.customer,
        body=f"{source.subject}\n\n{source.description}",
        is_internal=as_notes,
        is_staff=False,
        source=source.source,
    )
    Message.objects.filter(pk=opening.pk).update(created_at=source.created_at)
    Attachment.objects.filter(ticket=source, message__isnull=True).update(message=opening)
    messages = Message.objects.filter(ticket=source)
    if as_notes:
        messages.update(ticket=target, is_internal=True)
    else:
        messages.update(ticket=target)
    Attachment.objects.filter(ticket=source).update(ticket=target)


def _follow_moved_messages(target):
    """The target's last messages from each side, now that others joined its thread."""
    public = Message.objects.filter(ticket=target, is_internal=False)
    target.last_customer_message_at = public.filter(is_staff=False).aggregate(
        last=Max("created_at")
    )["last"]
    target.last_staff_message_at = public.filter(is_staff=True).aggregate(last=Max("created_at"))[
        "last"
    ]


def _by_customer(target, sources):
    """For each customer whose tickets merged, the tickets to tell them about: the target
    first when it is theirs, else their first merged ticket."""
    groups = {}
    for source in sources:
        groups.setdefault(source.customer_id, []).append(source)
    if target.customer_id in groups:
        groups[target.customer_id].insert(0, target)
    return list(groups.values())


@transaction.atomic
def tag(ticket, *, by, add=(), remove=(), tags=None, reason=""):
    """Staff put tags on a ticket and take others off: one history entry, nothing when nothing
    changes. A tag both added and removed is refused. `tags` instead names the whole set the
    ticket should carry (the ticket view's form, the API's PATCH)."""
    require_staff(by)
    add, remove = set(add), set(remove)
    conflict = tag_conflict(add, remove)
    if conflict:
        raise ValidationError({"tags": conflict})
    ticket = _locked(ticket)
    current = set(ticket.tags.all())
    if tags is not None:
        add, remove = set(tags) - current, current - set(tags)
    added, removed = add - current, remove & current
    if not (added or removed):
        return ticket
    # One history entry for the whole change, written by _save with who and why.
    ticket.skip_history_when_saving = True
    try:
        ticket.tags.add(*added)
        ticket.tags.remove(*removed)
    finally:
        del ticket.skip_history_when_saving
    _save(ticket, by=by, reason=reason.strip() or _tags_reason(added, removed))
    send_on_commit(
        signals.tags_changed,
        Ticket,
        ticket=ticket,
        by=by,
        added=sorted(added, key=lambda t: t.name),
        removed=sorted(removed, key=lambda t: t.name),
    )
    return ticket


def tag_conflict(add, remove):
    """The message for tags both to add and to remove (forms say it next to their field)."""
    both = set(add) & set(remove)
    if both:
        return _("A tag cannot be both added and removed: %(tags)s") % {
            "tags": ", ".join(sorted(tag.name for tag in both))
        }
    return None


def _tags_reason(added, removed):
    parts = []
    if added:
        parts.append(_("Tagged %(tags)s") % {"tags": ", ".join(sorted(t.name for t in added))})
    if removed:
        parts.append(_("Untagged %(tags)s") % {"tags": ", ".join(sorted(t.name for t in removed))})
    return "; ".join(parts)


@transaction.atomic
def apply_macro(ticket, *, by, macro, body=None, internal=False, attachments=()):
    """Apply a macro: post the reply (or note) first, then run its actions, each through its own
    workflow function with the reason "macro: <title>", so that the status the macro sets is the
    one the ticket keeps (a staff reply moves an open ticket to in progress). An action the
    ticket already satisfies is skipped. All or nothing: an action that cannot run is a
    ValidationError on "macro", and the reply and the other actions are undone."""
    require_staff(by)
    macro = (
        visible_macros(by)
        .filter(pk=macro.pk, is_active=True)
        .select_related("assignee")
        .prefetch_related("add_tags", "remove_tags")
        .first()
    )
    if macro is None:
        raise ValidationError({"macro": _("Choose one of your macros or the team's.")})
    if body is not None and (body.strip() or attachments):
        post_message(ticket, author=by, body=body, internal=internal, attachments=attachments)
    reason = _("macro: %(title)s") % {"title": macro.title}
    assignee = by if macro.assign_to_me else macro.assignee
    try:
        ticket = _locked(ticket)
        if macro.set_status and ticket.status != macro.set_status:
            ticket = change_status(ticket, by=by, status=macro.set_status, reason=reason)
        if macro.set_priority and ticket.priority != macro.set_priority:
            ticket = change_priority(ticket, by=by, priority=macro.set_priority, reason=reason)
        if assignee is not None and ticket.assignee_id != assignee.pk:
            ticket = assign(ticket, by=by, assignee=assignee, reason=reason)
        ticket = tag(
            ticket,
            by=by,
            add=macro.add_tags.all(),
            remove=macro.remove_tags.all(),
            reason=reason,
        )
    except (ValidationError, PermissionDenied) as error:
        errors = getattr(error, "messages", None) or [str(error)]
        raise ValidationError(
            {
                "macro": _("The macro “%(title)s” could not run: %(errors)s")
                % {"title": macro.title, "errors": " ".join(errors)}
            }
        ) from error
    return ticket
