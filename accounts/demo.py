"""Demo accounts for `seed_demo` (see DESIGN.md, "Demo data")."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from . import applications, roles
from .models import Organization, User

DEMO_PASSWORD = "demo-pass-123"  # noqa: S105 - published demo credentials

DEMO_ACCOUNTS = [
    {
        "email": "customer@example.com",
        "name": "Maria Lopez",
        "business_name": "Lopez Taqueria",
        "phone": "+1 312 555 0142",
        "groups": [roles.CUSTOMERS],
    },
    {
        "email": "manager@example.com",
        "name": "Luis Ortega",
        "business_name": "Lopez Taqueria",
        "phone": "+1 312 555 0143",
        "groups": [roles.CUSTOMERS],
    },
    {
        "email": "customer2@example.com",
        "name": "Sam Patel",
        "business_name": "Patel Corner Market",
        "phone": "+1 773 555 0199",
        "groups": [roles.CUSTOMERS],
    },
    {
        "email": "agent@example.com",
        "name": "Alex Kim",
        "groups": [roles.AGENTS],
    },
    {
        "email": "agent2@example.com",
        "name": "Jordan Reyes",
        "groups": [roles.AGENTS],
    },
    {
        "email": "applicant@example.com",
        "name": "Casey Morgan",
        "phone": "+1 630 555 0110",
        "groups": [roles.CUSTOMERS],
    },
    {
        "email": "editor@example.com",
        "name": "Evelyn Brooks",
        "groups": [roles.EDITORS],
    },
    {
        "email": "admin@example.com",
        "name": "Riley Admin",
        "groups": [roles.SUPPORT_ADMINS, roles.MODERATORS],
        "is_superuser": True,
    },
]


@transaction.atomic
def seed_accounts():
    """Create the demo accounts that are missing; leave existing ones exactly as they are."""
    created = []
    for spec in DEMO_ACCOUNTS:
        spec = dict(spec)
        group_names = spec.pop("groups")
        email = spec.pop("email")
        if User.objects.filter(email__iexact=email).exists():
            continue
        if spec.pop("is_superuser", False):
            user = User.objects.create_superuser(email, DEMO_PASSWORD, **spec)
        else:
            user = User.objects.create_user(email, DEMO_PASSWORD, **spec)
        user.groups.set(Group.objects.filter(name__in=group_names))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        created.append(user)
    seed_organization()
    seed_agent_application()
    return created


def seed_organization():
    """Lopez Taqueria: Maria (customer@example.com, its admin) and her manager Luis see each
    other's tickets. No email domain: the demo addresses are all at example.com, the site's own,
    so the members are put in by hand (as a support admin would)."""
    organization, _ = Organization.objects.get_or_create(
        name="Lopez Taqueria", defaults={"members_see_each_others_tickets": True}
    )
    User.objects.filter(
        email__in=["customer@example.com", "manager@example.com"], organization__isnull=True
    ).update(organization=organization)
    if organization.admin_id is None:
        organization.admin = User.objects.get(email="customer@example.com")
        organization.save(update_fields=["admin"])
    return organization


def seed_agent_application():
    """applicant@example.com waits for a support admin to approve them."""
    applicant = User.objects.get(email="applicant@example.com")
    if applicant.agent_applications.exists():
        return
    applications.apply(
        user=applicant,
        name=applicant.name,
        phone=applicant.phone,
        motivation=(
            "I ran the phones for a restaurant supplier for three years and know how much a "
            "missing delivery hurts a kitchen. I can work weekday mornings."
        ),
    )
