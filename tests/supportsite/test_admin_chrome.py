"""The admin's sidebar is built once and kept, yet every page shows it as it is now: the counts
in its labels, the user's saved views, the menus their role opens."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from accounts.roles import SUPPORT_ADMINS
from notifications.models import Notification
from supportsite import admin_chrome
from tests.factories import open_ticket
from tickets.models import InboundEmail, SavedView

pytestmark = pytest.mark.django_db


def sidebar_items(client, url="/admin/"):
    """{name: label} of every menu item in the page's sidebar."""
    page = client.get(url).content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S)
    items = {}

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("name"), str) and "label" in node:
                items[node["name"]] = node["label"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.group(1)))
    return items


@pytest.fixture
def builds(monkeypatch):
    """How many times the sidebar was built."""
    calls = []
    build = admin_chrome.sidebar_props
    monkeypatch.setattr(
        admin_chrome, "sidebar_props", lambda context: calls.append(1) or build(context)
    )
    return calls


def test_the_sidebar_is_built_once_for_a_users_pages(client, agent, builds):
    client.force_login(agent)
    first = sidebar_items(client, "/admin/")
    again = sidebar_items(client, "/admin/snippets/tickets/ticket/")

    assert again == first
    assert len(builds) == 1


def test_each_user_has_a_sidebar_of_their_own(client, agent, support_admin, builds):
    client.force_login(agent)
    agents = sidebar_items(client)
    client.force_login(support_admin)
    admins = sidebar_items(client)

    assert len(builds) == 2
    assert agents != admins


def test_a_kept_sidebar_shows_the_counts_as_they_are_now(client, support_admin):
    client.force_login(support_admin)
    assert sidebar_items(client)["notifications"] == "Notifications"

    ticket = open_ticket()
    Notification.objects.create(
        recipient=support_admin, ticket=ticket, kind="customer_replied", text="x"
    )
    InboundEmail.objects.create(
        message_id="<1@example.org>",
        channel="test",
        from_email="stranger@example.org",
        outcome=InboundEmail.Outcome.HELD,
    )
    items = sidebar_items(client)

    assert items["notifications"] == "Notifications (1)"
    assert any(label.endswith("(1)") and "ncoming" in label for label in items.values()), items


def test_a_saved_view_is_in_the_sidebar_at_once_and_gone_once_deleted(client, agent):
    client.force_login(agent)
    sidebar_items(client)

    view = SavedView.objects.create(owner=agent, name="Urgent stuff", query="priority=urgent")
    assert sidebar_items(client)[f"saved-view-{view.pk}"] == "Urgent stuff"

    view.delete()
    assert f"saved-view-{view.pk}" not in sidebar_items(client)


def test_a_new_role_changes_the_sidebar_at_once(client, agent):
    client.force_login(agent)
    before = sidebar_items(client)

    agent.groups.add(Group.objects.get(name=SUPPORT_ADMINS))

    assert set(sidebar_items(client)) > set(before)


def test_a_groups_new_permission_changes_its_members_sidebars_at_once(client, agent):
    client.force_login(agent)
    before = sidebar_items(client)
    admins = Group.objects.get(name=SUPPORT_ADMINS)

    agent.groups.first().permissions.add(*admins.permissions.all())

    assert set(sidebar_items(client)) > set(before)


@pytest.mark.parametrize(
    ("user_agent", "key"),
    [("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)", "⌘"), ("Mozilla/5.0 (X11; Linux)", "Ctrl")],
)
def test_the_shortcuts_dialog_names_the_visitors_keys(client, agent, user_agent, key):
    client.force_login(agent)
    for other in ("Mozilla/5.0 (X11; Linux)", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)"):
        client.get("/admin/", headers={"user-agent": other})

    page = client.get("/admin/", headers={"user-agent": user_agent}).content.decode()
    dialog = page[page.index('id="keyboard-shortcuts-dialog"') :]

    assert f"<kbd>{key} + s</kbd>" in dialog


def test_a_count_slot_names_a_counter_any_process_can_import():
    def local_counter(user):
        return 1

    assert admin_chrome.count_slot(admin_chrome.sidebar).startswith(
        "{{count:supportsite.admin_chrome.sidebar:"
    )
    with pytest.raises(ValueError, match="module-level"):
        admin_chrome.count_slot(local_counter)


def test_joining_a_team_offers_its_view_in_the_sidebar_at_once(client, agent):
    from tickets.models import Team

    client.force_login(agent)
    assert "ticket-view-my_teams" not in sidebar_items(client)

    Team.objects.create(name="Payments").members.add(agent)

    assert "ticket-view-my_teams" in sidebar_items(client)


def page_config(client, url="/admin/"):
    page = client.get(url).content.decode()
    return json.loads(re.search(r'<script id="wagtail-config"[^>]*>(.*?)</script>', page, re.S)[1])


def wagtails_own_config(agent):
    """What Wagtail's own tag gives for a request of this user."""
    request = RequestFactory().get("/admin/")
    request.user = agent
    return wagtailadmin_tags.wagtail_config({"request": request})


def test_the_scripts_configuration_is_wagtails_own_but_kept(client, agent, monkeypatch):
    client.force_login(agent)
    expected = wagtails_own_config(agent)
    builds = []
    build = wagtailadmin_tags.wagtail_config
    monkeypatch.setattr(
        wagtailadmin_tags, "wagtail_config", lambda context: builds.append(1) or build(context)
    )

    first, again = page_config(client), page_config(client, "/admin/snippets/tickets/ticket/")

    assert len(builds) == 1
    for config in (first, again):
        assert {**config, "CSRF_TOKEN": ""} == {**expected, "CSRF_TOKEN": ""}
        assert config["CSRF_TOKEN"]


def test_the_kept_configuration_keeps_each_users_keyboard_setting(client, agent, support_admin):
    profile = UserProfile.get_for_user(agent)
    profile.keyboard_shortcuts = False
    profile.save()
    client.force_login(support_admin)
    assert page_config(client)["KEYBOARD_SHORTCUTS_ENABLED"] is True

    client.force_login(agent)
    assert page_config(client)["KEYBOARD_SHORTCUTS_ENABLED"] is False


def test_a_new_locale_is_in_the_configuration_at_once(client, agent):
    client.force_login(agent)
    page_config(client)

    Locale.objects.create(language_code="fr")

    codes = [locale["code"] for locale in page_config(client)["LOCALES"]]
    assert "fr" in codes
