from django.contrib.auth.base_user import BaseUserManager
from django.db import models

from . import roles


class UserQuerySet(models.QuerySet):
    """The people in each role, as querysets: the one definition every list of agents uses.

    They match `accounts.roles.is_agent` / `is_support_admin` user by user (tested)."""

    def agents(self):
        """Active agents: the Support agents and Support admins groups, and superusers."""
        return self._in_role(roles.STAFF_GROUPS)

    def support_admins(self):
        """Active support admins: the Support admins group, and superusers."""
        return self._in_role((roles.SUPPORT_ADMINS,))

    def _in_role(self, groups):
        members = self.model.groups.through.objects.filter(group__name__in=groups)
        return self.filter(
            models.Q(pk__in=members.values("user_id")) | models.Q(is_superuser=True),
            is_active=True,
        )


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    """Users are identified by email alone; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Users must have an email address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)
