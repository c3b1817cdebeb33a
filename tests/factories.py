import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import User

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
