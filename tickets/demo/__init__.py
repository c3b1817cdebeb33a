"""Demo teams, categories, tags, orders, canned responses and macros, and tickets for `seed_demo`,
made by the workflow.

The words are in `catalog.py` (teams, categories, tags, macros, products) and `conversations.py`
(the tickets and their stories); this module plays them through the workflow.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User

from .. import workflow
from ..choices import ACTIVE_STATUSES, OrderStatus, Priority
from ..models import CannedResponse, Category, Feedback, Order, OrderLine, Tag, Team, Ticket
from .catalog import (
    CANNED_RESPONSES,
    CATEGORIES,
    CATEGORY_TEAMS,
    MACRO_ACTIONS,
    PRODUCTS,
    TAGS,
    TEAMS,
    TICKET_CCS,
    TICKET_FOLLOWERS,
    TICKET_TAGS,
)
from .conversations import MORE_CUSTOMERS, MORE_TICKETS, TICKETS


def _user(key):
    return User.objects.get(email=f"{key}@example.com")


def seed_more_customers():
    from accounts.demo import DEMO_PASSWORD
    from accounts.roles import make_customer

    for key, name, business in MORE_CUSTOMERS:
        email = f"{key}@example.com"
        if not User.objects.filter(email=email).exists():
            make_customer(
                User.objects.create_user(email, DEMO_PASSWORD, name=name, business_name=business)
            )


def seed_teams():
    """The three teams; agent@example.com is in two, agent2@example.com in one (when the demo
    accounts are there: the help center's demo makes the categories on its own)."""
    teams = {}
    for name, email, members in TEAMS:
        teams[name], created = Team.objects.get_or_create(name=name, defaults={"email": email})
        if created:
            emails = [f"{key}@example.com" for key in members]
            teams[name].members.set(User.objects.filter(email__in=emails))
    return teams


def seed_categories():
    teams = seed_teams()
    categories = {}
    for position, (name, description, priority) in enumerate(CATEGORIES):
        team = teams.get(CATEGORY_TEAMS.get(name))
        categories[name], _ = Category.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "default_priority": priority,
                "sort_order": position,
                "default_team": team,
            },
        )
    return categories


def seed_tags():
    return {
        name: Tag.objects.get_or_create(name=name, defaults={"colour": colour})[0]
        for name, colour in TAGS
    }


def seed_canned_responses(tags):
    """The team's shared canned responses; a few are macros (a status, tags)."""
    for title, body in CANNED_RESPONSES:
        status, add = MACRO_ACTIONS.get(title, ("", ()))
        response, created = CannedResponse.objects.get_or_create(
            title=title, owner=None, defaults={"body": body, "set_status": status}
        )
        if created:
            response.add_tags.set([tags[name] for name in add])


def seed_orders(customer, prefix, count=12):
    """Orders on the past weeks' delivery days, with a few lines each."""
    now = timezone.now()
    orders = []
    for n in range(count):
        number = f"{prefix}-{10420 + n}"
        order, created = Order.objects.get_or_create(
            number=number,
            defaults={
                "customer": customer,
                "placed_at": now - timedelta(days=3 * n + 1, hours=n % 5),
                "status": OrderStatus.DELIVERED if n else OrderStatus.OUT_FOR_DELIVERY,
            },
        )
        if created:
            lines = [PRODUCTS[(n + k * 5) % len(PRODUCTS)] for k in range(2 + n % 3)]
            for k, (product, price) in enumerate(lines):
                OrderLine.objects.create(
                    order=order, product=product, quantity=1 + (n + k) % 4, unit_price=price
                )
            order.total = sum(line.amount for line in order.lines.all())
            order.save(update_fields=["total"])
        orders.append(order)
    return orders


def _organizations_orders(orders):
    """Lopez Taqueria's orders are the restaurant's: its manager may link them too."""
    organization_id = orders[0].customer.organization_id if orders else None
    Order.objects.filter(pk__in=[order.pk for order in orders], organization=None).update(
        organization_id=organization_id
    )
    return orders


def _play(ticket, story):
    for step in story:
        kind = step[0]
        if kind in ("reply", "note"):
            workflow.post_message(
                ticket, author=_user(step[1]), body=step[2], internal=kind == "note"
            )
        elif kind == "status":
            workflow.change_status(ticket, by=_user("admin"), status=step[1], reason=step[2])
        elif kind == "assign":
            agent = _user(step[1])
            workflow.assign(ticket, by=agent, assignee=agent)
        elif kind == "confirm":
            workflow.confirm_resolution(ticket, by=ticket.customer)
        elif kind == "rate":
            workflow.rate(ticket, by=ticket.customer, rating=step[1], comment=step[2])
        ticket.refresh_from_db()


@transaction.atomic
def seed_tickets():
    """Create the demo tickets once: the first run makes them all, later runs find them there."""
    categories = seed_categories()
    tags = seed_tags()
    seed_canned_responses(tags)
    orders = {
        "customer": _organizations_orders(seed_orders(_user("customer"), "LT")),
        "customer2": seed_orders(_user("customer2"), "PC"),
        "applicant": [],
    }
    for (
        customer_key,
        subject,
        description,
        category,
        priority,
        justification,
        order_index,
        story,
    ) in TICKETS:
        customer = _user(customer_key)
        if Ticket.objects.filter(customer=customer, subject=subject).exists():
            continue
        ticket = workflow.open_ticket(
            customer=customer,
            subject=subject,
            description=description,
            category=categories[category],
            priority=priority,
            priority_justification=justification,
            order=orders[customer_key][order_index] if order_index is not None else None,
            check_rate=False,
            cc=TICKET_CCS.get(subject, ()),
        )
        for agent in TICKET_FOLLOWERS.get(subject, ()):
            workflow.follow(ticket, _user(agent))
        _play(ticket, story)
        _tag(ticket, [tags[name] for name in TICKET_TAGS.get(subject, ())])
        _backdate(ticket)

    seed_more_customers()
    for customer_key, subject, category, priority, story in MORE_TICKETS:
        customer = _user(customer_key)
        if Ticket.objects.filter(customer=customer, subject=subject).exists():
            continue
        ticket = workflow.open_ticket(
            customer=customer,
            subject=subject,
            description=f"{subject}. Please get back to us as soon as you can; details on request.",
            category=categories[category],
            priority=priority,
            priority_justification="Affects today's service."
            if priority in (Priority.HIGH, Priority.URGENT)
            else "",
            check_rate=False,
        )
        _play(ticket, story)
        _tag(ticket, [tags[name] for name in TICKET_TAGS.get(subject, ())])
        _backdate(ticket)


def _tag(ticket, tags):
    if tags:
        workflow.tag(ticket, by=_user("agent"), add=tags, reason="Sorted on arrival")


def _backdate(ticket):
    """Spread finished demo tickets over the last four weeks, with their answers and ratings
    hours apart, so the reports have a history to show. Open tickets stay recent, so the SLA job
    does not escalate the whole demo on its first run."""
    if ticket.status in ACTIVE_STATUSES:
        return
    offset = timedelta(days=2 + ticket.pk * 5 % 26, hours=ticket.pk % 7)
    respond, resolve = timedelta(hours=1 + ticket.pk % 6), timedelta(hours=6 + ticket.pk * 7 % 40)
    created = ticket.created_at - offset
    Ticket.objects.filter(pk=ticket.pk).update(
        created_at=created,
        first_response_at=created + respond if ticket.first_response_at else None,
        first_response_due_at=F("first_response_due_at") - offset,
        resolution_due_at=F("resolution_due_at") - offset,
        resolved_at=created + resolve if ticket.resolved_at else None,
        closed_at=created + resolve + timedelta(days=1) if ticket.closed_at else None,
    )
    ticket.messages.update(created_at=F("created_at") - offset + respond)
    ticket.history.update(history_date=F("history_date") - offset)
    Feedback.objects.filter(ticket=ticket).update(created_at=created + resolve + timedelta(hours=2))
