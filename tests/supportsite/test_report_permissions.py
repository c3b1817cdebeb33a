"""The report permissions: who holds them after migrate, and where support admins grant them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts import roles

pytestmark = pytest.mark.django_db

SUPPORT = "view_support_reports"
HELP_CENTER = "view_helpcenter_reports"


def _report_permissions(group_name):
    return set(
        Group.objects.get(name=group_name)
        .permissions.filter(content_type__app_label="supportsite")
        .values_list("codename", flat=True)
    )


@pytest.mark.parametrize(
    "group, expected",
    [
        (roles.CUSTOMERS, set()),
        (roles.AGENTS, {SUPPORT}),
        (roles.SUPPORT_ADMINS, {SUPPORT, HELP_CENTER}),
        (roles.EDITORS, {HELP_CENTER}),
        (roles.MODERATORS, {HELP_CENTER}),
    ],
)
def test_the_migration_gives_each_role_its_report_permissions(group, expected):
    assert _report_permissions(group) == expected


def test_the_group_editor_offers_the_report_permissions(admin_client):
    group = Group.objects.get(name=roles.EDITORS)

    response = admin_client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))

    offered = response.context["form"].fields["permissions"].queryset
    report_permissions = Permission.objects.filter(codename__in=[SUPPORT, HELP_CENTER])
    assert set(report_permissions) <= set(offered)
