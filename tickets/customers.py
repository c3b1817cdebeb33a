"""The customer a member of staff names by email when opening a ticket on their behalf."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from accounts.customers import create_customer, known_user
from accounts.models import User
from accounts.roles import is_agent

NAME_MAX = User._meta.get_field("name").max_length


def customer_for_staff(email, name, *, errors):
    """The account for `email`, made (with `name`) if the address is new; None, with the
    problem in `errors` under customer_email / customer_name, when there can be none."""
    email, name = (email or "").strip().lower(), (name or "").strip()
    if not email:
        errors["customer_email"] = _("Choose a customer, or enter a new customer's email.")
        return None
    try:
        validate_email(email)
    except ValidationError:
        errors["customer_email"] = _("Enter a valid email address.")
        return None
    customer = known_user(email)
    if customer is not None:
        if not customer.is_active:
            errors["customer_email"] = _("This customer's account is deactivated.")
        elif is_agent(customer):
            errors["customer_email"] = _("This address belongs to a member of the support team.")
        return customer if not errors.get("customer_email") else None
    if len(name) > NAME_MAX:
        errors["customer_name"] = _("Enter at most %(count)d characters.") % {"count": NAME_MAX}
        return None
    return create_customer(email, name)
