"""The queue's views: it opens on the active tickets, most pressing and soonest due first; the
built-in views count what they list in the "Ticket views" menu, for each role; agents save
their own views and support admins share them; the bulk bar speaks of tickets and offers only
what the user may do."""

import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from tests.factories import ROLES, AgentFactory, SupportAdminFactory, open_ticket
from tests.utils import count_queries
from tickets import workflow
from tickets.admin import saved_views
from tickets.choices import Priority, Status
from tickets.models import SavedView, Ticket

pytestmark = pytest.mark.django_db

QUEUE = "wagtailsnippets_tickets_ticket:list"
SAVE = "wagtailsnippets_tickets_ticket:save_view"


def listed(client, **params):
    response = client.get(reverse(QUEUE), params)
    assert response.status_code == 200
    return [ticket.subject for ticket in response.context["object_list"]]


def _due(ticket, hours):
    due = None if hours is None else timezone.now() + timedelta(hours=hours)
    Ticket.objects.filter(pk=ticket.pk).update(first_response_due_at=due, resolution_due_at=due)


@pytest.fixture
def desk(agent):
    """Active tickets of each priority with due times in a scrambled order, and solved ones."""
    colleague = AgentFactory()
    tickets = {}
    for subject, priority, hours in [
        ("medium due late", Priority.MEDIUM, 30),
        ("medium due soon", Priority.MEDIUM, 3),
        ("medium never due", Priority.MEDIUM, None),
        ("urgent due late", Priority.URGENT, 5),
        ("urgent due soon", Priority.URGENT, 1),
        ("low due soonest", Priority.LOW, 0.5),
    ]:
        ticket = open_ticket(subject=subject, priority=priority, priority_justification="Now")
        _due(ticket, hours)
        tickets[subject] = ticket
    tickets["mine waiting"] = open_ticket(subject="mine waiting")
    workflow.assign(tickets["mine waiting"], by=agent, assignee=agent)
    workflow.change_status(tickets["mine waiting"], by=agent, status=Status.WAITING_ON_CUSTOMER)
    tickets["theirs"] = open_ticket(subject="theirs")
    workflow.assign(tickets["theirs"], by=colleague, assignee=colleague)
    tickets["solved today"] = open_ticket(subject="solved today")
    workflow.change_status(tickets["solved today"], by=agent, status=Status.RESOLVED)
    tickets["solved long ago"] = open_ticket(subject="solved long ago")
    workflow.change_status(tickets["solved long ago"], by=agent, status=Status.CLOSED)
    Ticket.objects.filter(pk=tickets["solved long ago"].pk).update(
        resolved_at=timezone.now() - timedelta(days=30)
    )
    return tickets


def test_the_queue_opens_on_active_tickets_by_priority_then_sla_due(client, agent, desk):
    client.force_login(agent)

    subjects = listed(client)

    assert subjects[:2] == ["urgent due soon", "urgent due late"]
    medium = [s for s in subjects if s.startswith("medium")]
    assert medium == ["medium due soon", "medium due late", "medium never due"]
    assert subjects[-1] == "low due soonest"
    assert "solved today" not in subjects and "solved long ago" not in subjects
    assert set(subjects) == set(Ticket.objects.active().values_list("subject", flat=True))


def test_all_tickets_stay_one_click_away(client, agent, desk):
    client.force_login(agent)

    response = client.get(reverse(QUEUE))
    everything = listed(client, view="all")

    assert response.context["all_tickets_url"] == f"{reverse(QUEUE)}?view=all"
    assert len(everything) == Ticket.objects.count()
    assert "solved long ago" in everything


def test_a_search_or_chosen_statuses_look_past_the_active_tickets(client, agent, desk):
    client.force_login(agent)
    closed = desk["solved long ago"]

    assert listed(client, q=closed.number) == ["solved long ago"]
    assert listed(client, status="closed") == ["solved long ago"]
    assert listed(client, view="waiting", q="mine") == ["mine waiting"]


def test_recently_solved_means_resolved_in_the_last_seven_days(client, agent, desk):
    client.force_login(agent)

    assert listed(client, view="recently_solved") == ["solved today"]
    assert list(Ticket.objects.recently_solved()) == [desk["solved today"]]


def test_the_menu_counts_each_built_in_view_as_it_lists(client, agent, desk):
    client.force_login(agent)

    body = client.get("/admin/").content.decode()

    for key in ("mine", "unassigned", "at_risk", "breached", "waiting", "recently_solved"):
        label = saved_views.BUILT_IN_VIEWS[key].label
        count = len(listed(client, view=key))
        assert f"{label} ({count})" in body, key
    assert "Mine (1)" in body and "Recently solved (1)" in body


def test_counts_are_cached_briefly_per_user(client, agent, desk, django_assert_num_queries):
    saved_views.counts(agent)
    before = Ticket.objects.unassigned().count()
    open_ticket(subject="one more")

    with django_assert_num_queries(0):
        assert saved_views.counts(agent)["unassigned"] == before
    cache.clear()
    assert saved_views.counts(agent)["unassigned"] == Ticket.objects.unassigned().count()


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_get_the_ticket_views_menu(client, people, role, desk):
    user = people[role]
    if user:
        client.force_login(user)

    response = client.get("/admin/")
    staff = role in ("agent", "support_admin")

    assert response.status_code == (200 if staff or role == "editor" else 302)
    assert ("Ticket views" in response.content.decode()) == staff


def test_a_support_admin_counts_their_own_tickets_as_mine(client, support_admin, desk):
    workflow.assign(desk["theirs"], by=support_admin, assignee=support_admin)
    client.force_login(support_admin)

    assert saved_views.counts(support_admin)["mine"] == 1
    assert "Mine (1)" in client.get("/admin/").content.decode()


def test_an_agent_saves_the_current_filters_as_a_view_and_opens_it_from_the_menu(
    client, agent, desk
):
    client.force_login(agent)
    query = "view=mine&status=waiting_on_customer&p=2&_w_filter_fragment=1"

    response = client.post(reverse(SAVE), {"name": "My waiting tickets", "query": query})

    view = SavedView.objects.get()
    assert (view.name, view.owner, view.shared) == ("My waiting tickets", agent, False)
    assert view.query == "view=mine&status=waiting_on_customer"  # not the page it was on, nor
    # Wagtail's marker of a redrawn listing
    assert response.status_code == 302
    assert response.url == f"{reverse(QUEUE)}?{view.query}"
    assert listed(client, view="mine", status="waiting_on_customer") == ["mine waiting"]
    menu = client.get("/admin/").content.decode()
    assert "My waiting tickets" in menu and response.url in menu.replace("\\u0026", "&")


def test_the_queue_page_offers_the_form_with_its_querystring(client, agent):
    client.force_login(agent)

    body = client.get(reverse(QUEUE), {"view": "waiting"}).content.decode()

    assert f'action="{reverse(SAVE)}"' in body
    assert 'name="query" value="view=waiting"' in body
    assert 'name="shared"' not in body  # agents keep their views to themselves


def test_a_name_taken_is_answered_next_to_the_field_keeping_what_was_typed(client, agent):
    SavedView.objects.create(owner=agent, name="Urgent stuff", query="priority=urgent")
    client.force_login(agent)

    response = client.post(reverse(SAVE), {"name": "urgent STUFF", "query": "view=mine"})

    assert response.status_code == 400
    body = response.content.decode()
    assert "You already have a view with this name." in body
    assert 'value="urgent STUFF"' in body
    assert SavedView.objects.count() == 1


def test_an_agent_cannot_share_a_view(client, agent):
    client.force_login(agent)

    client.post(reverse(SAVE), {"name": "Team view", "query": "view=mine", "shared": "on"})

    assert SavedView.objects.get().shared is False


def test_a_support_admin_shares_a_view_that_every_agent_sees(client, agent, support_admin):
    client.force_login(support_admin)
    client.post(reverse(SAVE), {"name": "Escalations", "query": "escalated=true", "shared": "on"})
    SavedView.objects.create(owner=support_admin, name="Admin's own", query="view=mine")

    client.force_login(agent)
    body = client.get(reverse(QUEUE)).content.decode()

    assert SavedView.objects.get(name="Escalations").shared
    assert "Escalations" in body and "Admin&#x27;s own" not in body and "Admin's own" not in body


def test_agents_delete_their_own_views_but_not_others(client, agent, support_admin):
    colleague = AgentFactory()
    mine = SavedView.objects.create(owner=agent, name="Mine", query="view=mine")
    shared = SavedView.objects.create(owner=support_admin, name="Team", query="", shared=True)
    private = SavedView.objects.create(owner=colleague, name="Theirs", query="")
    client.force_login(agent)
    delete = "wagtailsnippets_tickets_ticket:delete_view"

    assert client.post(reverse(delete, args=[shared.pk])).status_code in (302, 403)
    assert client.post(reverse(delete, args=[private.pk])).status_code == 404
    assert client.post(reverse(delete, args=[mine.pk])).status_code == 302

    assert set(SavedView.objects.values_list("name", flat=True)) == {"Team", "Theirs"}


def test_a_support_admin_deletes_a_shared_view(client, support_admin):
    shared = SavedView.objects.create(owner=AgentFactory(), name="Team", shared=True)
    client.force_login(support_admin)

    client.post(reverse("wagtailsnippets_tickets_ticket:delete_view", args=[shared.pk]))

    assert not SavedView.objects.exists()


SAVED_VIEW_EXPECTED = {
    #                 save form, save, delete
    "anonymous": [302, 302, 302],
    "customer": [302, 302, 302],
    "applicant": [302, 302, 302],
    "editor": [302, 302, 302],
    "agent": [200, 302, 302],
    "support_admin": [200, 302, 302],
}


@pytest.mark.parametrize("role", ROLES)
def test_saved_view_routes_answer_each_role(client, people, role):
    user = people[role]
    if user:
        client.force_login(user)
    own = SavedView.objects.create(owner=user or AgentFactory(), name="Own")

    answers = [
        client.get(reverse(SAVE)).status_code,
        client.post(reverse(SAVE), {"name": "New", "query": ""}).status_code,
        client.post(
            reverse("wagtailsnippets_tickets_ticket:delete_view", args=[own.pk])
        ).status_code,
    ]

    assert answers == SAVED_VIEW_EXPECTED[role]
    staff = role in ("agent", "support_admin")
    assert SavedView.objects.filter(name="New").exists() == staff
    assert SavedView.objects.filter(pk=own.pk).exists() != staff


def test_the_bulk_bar_speaks_of_tickets_and_offers_no_delete_to_agents(client, agent, desk):
    client.force_login(agent)

    response = client.get(reverse(QUEUE))
    body = response.content.decode()

    labels = [str(button.label) for button in response.context["bulk_action_buttons"]]
    assert labels == ["Assign", "Change status", "Change priority", "Tag tickets", "Merge tickets"]
    assert "snippet" not in body.split('data-bulk-action-footer="TICKET"', 1)[1].lower()
    script = body.split('id="ticket-bulk-strings" type="application/json">')[1]
    strings = json.loads(script.split("</script>")[0])
    assert strings["PLURAL"] == "%(objects)s tickets selected"
    assert "js/queue.js" in body


def test_tickets_are_never_deleted_so_nobody_gets_a_delete_action(client, desk):
    client.force_login(SupportAdminFactory(is_superuser=True))

    buttons = client.get(reverse(QUEUE)).context["bulk_action_buttons"]

    assert "Delete" not in [str(button.label) for button in buttons]


def test_ticket_numbers_never_wrap(client, agent, desk):
    client.force_login(agent)

    assert 'class="title ticket-number"' in client.get(reverse(QUEUE)).content.decode()


def test_the_queue_with_saved_views_keeps_a_flat_query_count(client, agent):
    for n in range(3):
        SavedView.objects.create(owner=agent, name=f"View {n}", query="view=mine")
    for _ in range(5):
        open_ticket()
    client.force_login(agent)
    url = reverse(QUEUE)
    count_queries(client, url)
    small = count_queries(client, url)

    for n in range(3, 10):
        SavedView.objects.create(owner=agent, name=f"View {n}", query="view=mine")
    for _ in range(30):
        open_ticket()

    assert count_queries(client, url) == small
