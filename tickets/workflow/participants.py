"""Who else is on a ticket: the people copied on it (CCs) and the agents following it.

A CC is an email address, checked once here for every way in (the contact form, the ticket
page, the admin, the API, email intake): a real address, never one of ours, never the ticket's
customer, at most limits.CC_MAX on a ticket. It is linked to the account that has it when that
account's address is confirmed, so that account sees the ticket in the portal
(tickets.permissions); removing the CC ends that and its emails at once.
"""

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.customers import known_user
from accounts.roles import is_agent
from supportsite.signals import send_on_commit
from tickets import limits

from .. import signals
from ..addresses import is_own_address
from ..models import Ticket, TicketCC
from ..permissions import can_change_ccs, can_remove_cc, require, require_staff
from .base import locked, save


def split_addresses(text):
    """The addresses typed in one box, separated by commas, semicolons, spaces or lines."""
    return [part for part in text.replace(",", " ").replace(";", " ").split() if part]


def cc_problems(addresses, *, customer_email="", already=()):
    """What is wrong with copying these addresses (all of it, in one list of messages), and the
    addresses to add, normalised, without repeats or those `already` copied."""
    problems, wanted = [], []
    already = {address.lower() for address in already}
    for raw in addresses:
        address = raw.strip().lower()
        try:
            validate_email(address)
        except ValidationError:
            problems.append(_("“%(address)s” is not an email address.") % {"address": raw})
            continue
        if is_own_address(address):
            problems.append(
                _("%(address)s is the help desk's own address: we get your ticket already.")
                % {"address": address}
            )
        elif customer_email and address == customer_email.lower():
            problems.append(
                _("%(address)s is the ticket's own customer, who gets every reply already.")
                % {"address": address}
            )
        elif address not in wanted and address not in already:
            wanted.append(address)
    if len(already) + len(wanted) > limits.CC_MAX:
        problems.append(
            ngettext(
                "A ticket may be copied to at most %(count)d person.",
                "A ticket may be copied to at most %(count)d people.",
                limits.CC_MAX,
            )
            % {"count": limits.CC_MAX}
        )
    return problems, wanted


def confirmed_account(address):
    """The account that has this address, when its owner has confirmed it (or staff made the
    account, which then has no address record): only then may it see tickets it is copied on."""
    user = known_user(address)
    if user is None:
        return None
    flags = list(
        EmailAddress.objects.filter(user=user, email__iexact=address).values_list(
            "verified", flat=True
        )
    )
    return user if not flags or any(flags) else None


def _reason(text, reason):
    return f"{text} ({reason.strip()})" if reason and reason.strip() else text


def _add(ticket, wanted, *, by, reason):
    """Copy the checked addresses on the locked ticket: one history entry, one signal."""
    TicketCC.objects.bulk_create(
        [
            TicketCC(ticket=ticket, email=address, user=confirmed_account(address), added_by=by)
            for address in wanted
        ]
    )
    save(ticket, by=by, reason=_reason(_("CC added: %s") % ", ".join(wanted), reason))
    send_on_commit(
        signals.ccs_changed, Ticket, ticket=ticket, by=by, added=list(wanted), removed=[]
    )


@transaction.atomic
def add_ccs(ticket, addresses, *, by, reason=None):
    """Copy these addresses on the ticket; any problem is a ValidationError on "cc" listing
    every one, and nothing changes. Addresses already copied are left as they are."""
    ticket = locked(ticket)
    require(can_change_ccs(by, ticket), _("You cannot change who is copied on this ticket."))
    already = ticket.ccs.values_list("email", flat=True)
    problems, wanted = cc_problems(addresses, customer_email=ticket.customer.email, already=already)
    if problems:
        raise ValidationError({"cc": problems})
    if wanted:
        _add(ticket, wanted, by=by, reason=reason)
    return list(ticket.ccs.all())


def add_cc(ticket, email, *, by, reason=None):
    return add_ccs(ticket, [email], by=by, reason=reason)


@transaction.atomic
def copy_in(ticket, addresses, *, by):
    """Email intake: copy the Cc addresses of a message on the ticket, leaving out silently our
    own and bad ones, and those past the limit. Returns those left out (the intake log names
    them); the customer's and those already copied are not."""
    ticket = locked(ticket)
    if not can_change_ccs(by, ticket):
        return list(addresses)
    already = list(ticket.ccs.values_list("email", flat=True))
    kept = []
    for address in addresses:
        problems, wanted = cc_problems(
            [address], customer_email=ticket.customer.email, already=already + kept
        )
        if not problems and wanted:
            kept.extend(wanted)
    room = max(limits.CC_MAX - len(already), 0)
    added = kept[:room]
    if added:
        _add(ticket, added, by=by, reason=_("copied on the email"))
    # A reply to all names the people already on the ticket: they are not left out.
    on_ticket = {*already, *added, ticket.customer.email.lower()}
    return [address for address in addresses if address.lower() not in on_ticket]


@transaction.atomic
def remove_cc(ticket, email, *, by, reason=None):
    """Take an address off the ticket: it gets no more emails, and its account no longer sees
    the ticket. Taking off an address that is not copied changes nothing."""
    ticket = locked(ticket)
    email = email.strip().lower()
    require(can_remove_cc(by, ticket, email), _("You cannot take this person off the ticket."))
    deleted, _rows = ticket.ccs.filter(email=email).delete()
    if deleted:
        save(ticket, by=by, reason=_reason(_("CC removed: %s") % email, reason))
        send_on_commit(signals.ccs_changed, Ticket, ticket=ticket, by=by, added=[], removed=[email])
    return list(ticket.ccs.all())


@transaction.atomic
def set_ccs(ticket, addresses, *, by, reason=None):
    """The whole list at once (the API's PATCH): adds what is new, removes what is gone, each
    with the same checks as add_cc and remove_cc; all or nothing."""
    ticket = locked(ticket)
    current = set(ticket.ccs.values_list("email", flat=True))
    problems, wanted = cc_problems(addresses, customer_email=ticket.customer.email)
    if problems:
        raise ValidationError({"cc": problems})
    for email in sorted(current - set(wanted)):
        remove_cc(ticket, email, by=by, reason=reason)
    new = [address for address in wanted if address not in current]
    if new:
        add_ccs(ticket, new, by=by, reason=reason)
    return list(ticket.ccs.all())


def cc_author(ticket, address, *, new_account):
    """Who a CC's email answer is posted as: the account copied, or (for a plain address) the
    confirmed account that has the address, else `new_account()`, one made for it with no
    password (intake's, as for new senders), linked to the CC. None when the address is not
    copied on the ticket, or an account nobody confirmed has it (a sign-up we cannot tell is
    theirs)."""
    cc = ticket.ccs.select_related("user").filter(email=address.lower()).first()
    if cc is None:
        return None
    if cc.user is not None:
        return cc.user
    user = confirmed_account(address)
    if user is None:
        if known_user(address) is not None:
            return None
        user = new_account()
    TicketCC.objects.filter(pk=cc.pk).update(user=user)
    return user


def link_confirmed_address(user, address):
    """An account confirmed an address: the tickets it was copied on as a plain address become
    its own to see (allauth's email_confirmed, connected in the app's ready())."""
    TicketCC.objects.filter(email=address.lower(), user__isnull=True).update(user=user)


@transaction.atomic
def follow(ticket, agent, *, by=None):
    """An agent follows the ticket (themselves, or staff put a colleague on it): they hear of
    every update to it but their own."""
    by = by or agent
    require_staff(by)
    if not is_agent(agent):
        raise ValidationError({"followers": _("Only support staff may follow a ticket.")})
    ticket = locked(ticket)
    if ticket.followers.filter(pk=agent.pk).exists():
        return ticket
    ticket.followers.add(agent)
    save(ticket, by=by, reason=_("Followed by %s") % agent.get_full_name())
    send_on_commit(
        signals.followers_changed, Ticket, ticket=ticket, by=by, agent=agent, following=True
    )
    return ticket


@transaction.atomic
def unfollow(ticket, agent, *, by=None):
    """An agent stops following (or staff take them off): nothing when they did not follow."""
    by = by or agent
    require_staff(by)
    ticket = locked(ticket)
    if not ticket.followers.filter(pk=agent.pk).exists():
        return ticket
    ticket.followers.remove(agent)
    save(ticket, by=by, reason=_("No longer followed by %s") % agent.get_full_name())
    send_on_commit(
        signals.followers_changed, Ticket, ticket=ticket, by=by, agent=agent, following=False
    )
    return ticket
