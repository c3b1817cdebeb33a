"""Who may see and do what with tickets: the one policy every list, page, file and endpoint uses."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from accounts.models import Organization, User
from accounts.roles import is_agent, is_support_admin
from supportsite import access

from .expressions import AmongSubquery
from .models import (
    Attachment,
    CannedResponse,
    Message,
    Order,
    SavedView,
    Tag,
    Team,
    Ticket,
    TicketCC,
)


def is_team_scoped(user):
    """With settings.TICKETS_TEAM_SCOPED_VISIBILITY, agents work only their teams' tickets (and
    those of no team, which everyone may pick up); support admins still see every ticket."""
    return settings.TICKETS_TEAM_SCOPED_VISIBILITY and not is_support_admin(user)


def team_ids(user):
    """The ids of the teams the user is a member of, kept between requests (supportsite.access:
    a change of membership counts at once)."""
    if not hasattr(user, "_team_ids"):
        user._team_ids = access.kept(
            user, "teams", lambda: frozenset(Team.objects.of(user).values_list("pk", flat=True))
        )
    return user._team_ids


def _team_scope(user):
    """The tickets a staff member may see, as a condition (in the tickets' own query)."""
    if not is_team_scoped(user):
        return Q()
    return Q(team__isnull=True) | Q(team__in=Team.objects.of(user).values("pk"))


def _organization_scope(user):
    """A member of an organisation whose members see each other's tickets: its tickets (the
    ticket's organisation as it was opened, whoever opened it)."""
    organization = user.organization
    if organization is None or not organization.members_see_each_others_tickets:
        return Q(pk__in=[])
    return Q(organization=organization)


def _customer_scope(user):
    """The tickets a customer takes part in, as one condition (no joins, so no duplicate rows):
    their own, those their account is copied on, and their organisation's when its members see
    each other's."""
    return Q(customer=user) | _cc_scope(user) | _organization_scope(user)


def sees_organization_tickets(user):
    """Whether the portal offers this customer "my organisation" beside "mine"."""
    return (
        user.is_authenticated
        and not is_agent(user)
        and user.organization is not None
        and user.organization.members_see_each_others_tickets
    )


def visible_tickets(user):
    """Staff see every ticket (with team-scoped visibility, their teams' and those of no team);
    a customer their own, those they are copied on and, as a member of an organisation whose
    members see each other's, the organisation's; anyone else nothing."""
    if not user.is_authenticated:
        return Ticket.objects.none()
    if is_agent(user):
        return Ticket.objects.filter(_team_scope(user))
    return portal_tickets(user)


def portal_tickets(user):
    """The tickets the portal lists as the user's ("My tickets"): their own, those their account
    is copied on and their organisation's (as above), whatever their role (staff see the rest in
    the admin)."""
    if not user.is_authenticated:
        return Ticket.objects.none()
    return Ticket.objects.filter(_customer_scope(user))


def _cc_scope(user):
    """The tickets the user's account is copied on (one row per ticket however many CCs it has).
    Removing the CC takes the ticket away at once. Their ids are an array computed once, so that
    with "their own" and "their organisation's" the database ORs three index scans instead of
    testing every ticket (tickets.expressions.AmongSubquery)."""
    return Q(AmongSubquery("pk", TicketCC.objects.filter(user=user).order_by().values("ticket_id")))


def is_cc(user, ticket):
    """Whether the user's account is copied on the ticket (one query)."""
    return user.is_authenticated and ticket.ccs.filter(user=user).exists()


def visible_messages(user, ticket):
    """The thread as this user may read it: customers never see internal notes."""
    messages = Message.objects.filter(ticket=ticket)
    if not is_agent(user):
        messages = messages.filter(is_internal=False)
    return messages


def visible_attachments(user):
    """The files the user may download: a removed one (redacted, its row kept) is none."""
    attachments = Attachment.objects.filter(ticket__in=visible_tickets(user)).exclude(file="")
    if not is_agent(user):
        attachments = attachments.exclude(message__is_internal=True)
    return attachments


def visible_orders(user):
    """Staff see every order; a customer their own and their organisation's (any member may
    link an order of the organisation to a ticket)."""
    if not user.is_authenticated:
        return Order.objects.none()
    if is_agent(user):
        return Order.objects.all()
    mine = Q(customer=user)
    if user.organization_id is not None:
        mine |= Q(organization_id=user.organization_id)
    return Order.objects.filter(mine)


def visible_organizations(user):
    """Customers' organisations are the support team's to look up: staff see them all."""
    return Organization.objects.all() if is_agent(user) else Organization.objects.none()


def visible_tags(user):
    """Tags are the support team's: staff see them all, nobody else any."""
    return Tag.objects.all() if is_agent(user) else Tag.objects.none()


def visible_macros(user):
    """Canned responses and macros a staff member may see and apply: the team's shared ones and
    their own personal ones (never a colleague's, whatever their role)."""
    if not is_agent(user):
        return CannedResponse.objects.none()
    return CannedResponse.objects.filter(Q(owner__isnull=True) | Q(owner=user))


def can_share_macros(user):
    """Support admins keep the team's shared macros (and may make one of theirs shared)."""
    return is_agent(user) and user.has_perm("tickets.change_cannedresponse")


def editable_macros(user):
    """The macros this user may change or delete: their own (an agent keeps their personal
    macros with the permission to add them) and, for those who share, the shared ones."""
    if not is_agent(user):
        return CannedResponse.objects.none()
    allowed = Q(pk__in=[])
    if user.has_perm("tickets.add_cannedresponse"):
        allowed |= Q(owner=user)
    if can_share_macros(user):
        allowed |= Q(owner__isnull=True)
    return CannedResponse.objects.filter(allowed)


def can_view_ticket(user, ticket):
    """The one-ticket form of visible_tickets (same rules, no query)."""
    if not user.is_authenticated:
        return False
    if is_agent(user):
        return (
            not is_team_scoped(user) or ticket.team_id is None or ticket.team_id in team_ids(user)
        )
    if ticket.customer_id == user.pk:
        return True
    if sees_organization_tickets(user) and ticket.organization_id == user.organization_id:
        return True
    return is_cc(user, ticket)


def can_redact(user, ticket):
    """Who takes a passage or a file off a ticket: staff who may see it, with the permission to
    redact (privacy.redact_personal_data: agents and support admins). Customers never."""
    return (
        is_agent(user)
        and user.has_perm("privacy.redact_personal_data")
        and can_view_ticket(user, ticket)
    )


def visible_teams(user):
    """Staff see the teams (support admins keep them, in the admin); nobody else any."""
    return Team.objects.all() if is_agent(user) else Team.objects.none()


def is_participant(user, ticket):
    """Whom the ticket's conversation is with: whoever may see it but staff, who answer in the
    admin or the API (its customer, the accounts copied on it, and the members of its
    organisation when they see each other's tickets). Only a participant's email may add to a
    ticket."""
    return can_view_ticket(user, ticket) and not is_agent(user)


def is_copied_address(address, ticket):
    """Whether this address is copied on the ticket: the CC's email answers may then be posted
    (as the account linked to it, made for it if there is none: workflow.cc_author)."""
    return ticket.ccs.filter(email=address.lower()).exists()


def can_change_ccs(user, ticket):
    """Who copies people on a ticket: staff, and the ticket's participants (its customer, and
    whoever is copied on it, as the Cc of their email does)."""
    return is_agent(user) or is_participant(user, ticket)


def can_remove_cc(user, ticket, email):
    """Who takes someone off: staff, the ticket's customer, and the CC themselves."""
    return email.lower() in removable_ccs(user, ticket, ticket.ccs.all())


def removable_ccs(user, ticket, ccs):
    """The addresses among `ccs` (the ticket's, as read) this user may take off, by the rule of
    can_remove_cc, with no query more."""
    if not user.is_authenticated:
        return set()
    if is_agent(user) or ticket.customer_id == user.pk:
        return {cc.email for cc in ccs}
    return {cc.email for cc in ccs if cc.user_id == user.pk}


def can_reassign(user, ticket=None):
    """Assign to anyone else: support admins any ticket; with `ticket`, also an agent their own
    ticket when settings.TICKETS_AGENTS_HAND_OVER lets agents hand theirs to a colleague."""
    if is_support_admin(user) or user.has_perm("tickets.assign_ticket"):
        return True
    return (
        ticket is not None
        and settings.TICKETS_AGENTS_HAND_OVER
        and is_agent(user)
        and ticket.assignee_id == user.pk
    )


def can_take(user, ticket):
    """Assign to oneself: an unassigned ticket (or one's own); someone else's only who may
    reassign any ticket."""
    return is_agent(user) and (ticket.assignee_id in (None, user.pk) or can_reassign(user))


def can_merge_across_customers(user):
    """Agents merge one customer's duplicates; support admins may join different customers'."""
    return is_support_admin(user)


def visible_customers(user):
    """Whom staff may open a ticket for: active accounts outside the support team."""
    if not user.is_authenticated or not is_agent(user):
        return User.objects.none()
    return User.objects.filter(is_active=True).exclude(pk__in=User.objects.agents().values("pk"))


def require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


def require_staff(user):
    require(is_agent(user), "Only support staff may do this.")


def visible_saved_views(user):
    """Staff see their own saved views and the team's shared ones; nobody else has any."""
    if not is_agent(user):
        return SavedView.objects.none()
    return SavedView.objects.filter(Q(owner=user) | Q(shared=True))


def can_share_views(user):
    return is_support_admin(user)


def can_delete_saved_view(user, view):
    """Its owner; and a shared view, the support admins, who share them."""
    return is_agent(user) and (view.owner_id == user.pk or (view.shared and can_share_views(user)))
