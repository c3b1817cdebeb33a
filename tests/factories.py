from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from accounts import roles
from accounts.models import User
from tickets.models import OrderLine

PASSWORD = "correct-horse-battery-9"  # noqa: S105


def in_role(default_group):
    """Put the user in a role group: the factory's default, or role=<group name> when given."""

    def add_group(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=extracted or default_group))

    return factory.PostGeneration(add_group)


class UserFactory(factory.django.DjangoModelFactory):
    """A customer with a verified email; verified=False leaves the address unverified."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Faker("name")
    business_name = factory.Faker("company")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    role = in_role(roles.CUSTOMERS)


class CustomerFactory(UserFactory):
    role = in_role(roles.CUSTOMERS)


class AgentFactory(UserFactory):
    role = in_role(roles.AGENTS)


class SupportAdminFactory(UserFactory):
    role = in_role(roles.SUPPORT_ADMINS)


class EditorFactory(UserFactory):
    role = in_role(roles.EDITORS)


def user_with_only(*permissions):
    """A user in no role group whose only permissions are admin access and these
    ("app_label.codename"), through a group of their own."""
    group, _ = Group.objects.get_or_create(name=f"Only {' '.join(permissions)}")
    for name in ("wagtailadmin.access_admin", *permissions):
        app_label, codename = name.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return UserFactory(role=group.name)


class OrganizationFactory(factory.django.DjangoModelFactory):
    """A customer organisation whose members see each other's tickets (pass False to hide)."""

    class Meta:
        model = "accounts.Organization"

    name = factory.Sequence(lambda n: f"Organisation {n}")
    domains = factory.Sequence(lambda n: f"org{n}.test")
    members_see_each_others_tickets = True


def member_of(organization, **kwargs):
    """A customer in the organisation (put there as a verified address would)."""
    return CustomerFactory(organization=organization, **kwargs)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tickets.Category"
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Category {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    """A team of agents; members=[…] puts them in it."""

    class Meta:
        model = "tickets.Team"
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Team {n}")

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.add(*extracted)


class OrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tickets.Order"
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: f"ORD-{n:05d}")
    customer = factory.SubFactory(CustomerFactory)
    placed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def lines(self, create, extracted, **kwargs):
        if create:
            for n in range(extracted if extracted is not None else 2):
                OrderLine.objects.create(
                    order=self, product=f"Product {n}", quantity=n + 1, unit_price=Decimal("9.50")
                )


# The rows of the permission matrices (tests/tickets/conftest.py's `people` has one of each).
ROLES = ["anonymous", "customer", "applicant", "editor", "agent", "support_admin"]


def open_ticket(customer=None, **kwargs):
    """A ticket opened through the workflow, as a customer would."""
    from tickets import workflow

    defaults = {
        "subject": "Missing items in my order",
        "description": "Two cases of limes were not in this morning's delivery.",
        "check_rate": False,
    }
    return workflow.open_ticket(customer=customer or CustomerFactory(), **{**defaults, **kwargs})
