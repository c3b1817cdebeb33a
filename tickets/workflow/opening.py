"""Opening a ticket: by a customer (the contact form, email) or by staff on their behalf."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.roles import is_agent
from supportsite.signals import send_on_commit
from tickets import limits

from .. import signals
from ..assignment import next_agent
from ..attachments import check_uploads
from ..card_numbers import masked
from ..choices import PRESSING_PRIORITIES, Priority, Source
from ..customers import customer_for_staff
from ..models import Deflection, Ticket
from ..numbering import next_ticket_number
from ..permissions import require, require_staff, visible_orders
from ..sla.targets import set_due_times
from .base import check_rate, save, store_attachments
from .messages import mark_read
from .participants import add_ccs, cc_problems


def needs_justification(priority, *, on_behalf=False):
    """A customer who chooses high or urgent priority says why; staff opening a ticket on their
    behalf, and a category's default priority, need no reason. Forms ask by this rule too."""
    return bool(priority) and not on_behalf and priority in PRESSING_PRIORITIES


def missing_justification():
    return _("Tell us why this needs high or urgent attention.")


def _check_new_ticket_rate(customer):
    check_rate(
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


def _may_link(customer, order):
    """The customer's own orders and their organisation's (tickets.permissions.visible_orders)."""
    return customer is not None and visible_orders(customer).filter(pk=order.pk).exists()


def _waived(error, source):
    """The web's minimum lengths ask a form's user for a request we can act on; email takes
    what people send ("Order never came!", no subject at all): a short text is no reason to
    hold it."""
    return source == Source.EMAIL and error.code == "min_length"


def _masked_opening(subject, description, justification, extra_fields, *, staff):
    """What the customer typed, with card numbers masked (tickets.card_numbers) before anything is
    stored; what staff type on a customer's behalf is theirs to word."""
    if staff:
        return subject, description, justification, extra_fields
    extra = {
        label: masked(value) if isinstance(value, str) else value
        for label, value in (extra_fields or {}).items()
    }
    return masked(subject), masked(description), masked(justification), extra


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
    cc=(),
):
    """Open a ticket for a customer, by the customer or by staff on their behalf.

    Staff may name the customer by `customer_email` (and `customer_name`) instead: an existing
    customer's account, or a new one made for the address (tickets.customers). The hourly limit
    is the customer's own: staff opening on someone's behalf are not counted against it.
    check_rate=False is for trusted scripts (demo data, imports), never for a customer's request.
    Without a priority chosen (None or ""), the ticket takes its category's default priority,
    which needs no justification: the customer did not raise it. It goes to its category's
    default team (round-robin then chooses among that team's members). `cc`: addresses to copy
    on the ticket (workflow.add_ccs's checks, reported with the other fields' problems).
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

    subject, description, priority_justification, extra_fields = _masked_opening(
        subject, description, priority_justification, extra_fields, staff=on_behalf
    )
    justify = needs_justification(priority if chosen else None, on_behalf=on_behalf)
    if justify and not priority_justification.strip():
        errors["priority_justification"] = missing_justification()
    customer_pk = customer.pk if customer else None
    if order is not None and not _may_link(customer, order):
        errors["order"] = (
            _("Choose one of the customer's orders (or their organisation's).")
            if on_behalf
            else _("Choose one of your own orders or your organisation's.")
        )
    if previous_ticket is not None and previous_ticket.customer_id != customer_pk:
        errors["previous_ticket"] = _("Choose one of your own tickets.")
    if category is not None and not category.is_active and not on_behalf:
        errors["category"] = _("Choose one of the categories offered.")
    ticket = Ticket(
        customer=customer,
        organization_id=customer.organization_id if customer else None,
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
        team_id=category.default_team_id if category is not None else None,
        number="pending",
    )
    try:
        # The order is checked above (_may_link); the page is the one serving the form.
        ticket.full_clean(exclude=["number", "customer", "order", "source_page"])
    except ValidationError as error:
        for field, field_errors in error.error_dict.items():
            kept = [e for e in field_errors if not _waived(e, source)]
            if kept:
                errors.setdefault(field, ValidationError(kept).messages)
    try:
        checked = check_uploads(attachments)
    except ValidationError as error:
        errors["attachments"] = error.messages
    cc_errors, _wanted = cc_problems(cc, customer_email=customer.email if customer else "")
    if cc_errors:
        errors["cc"] = cc_errors
    if errors:
        raise ValidationError(errors)
    if check_rate and not on_behalf:
        _check_new_ticket_rate(customer)

    ticket.number = next_ticket_number()
    set_due_times(ticket)
    if not on_behalf:
        ticket.assignee = next_agent(category, ticket.team_id)
    save(ticket, by=opened_by, reason=_("Ticket opened"))
    store_attachments(checked, ticket=ticket, message=None, by=opened_by)
    if session_key:
        Deflection.objects.filter(session_key=session_key, ticket__isnull=True).update(
            ticket=ticket
        )
    mark_read(ticket, opened_by)
    if cc:
        add_ccs(ticket, cc, by=opened_by)
    send_on_commit(signals.ticket_opened, Ticket, ticket=ticket, by=opened_by)
    return ticket
