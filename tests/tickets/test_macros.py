"""Macros: canned responses with actions, shared or personal. workflow.apply_macro (order, history,
all or nothing, who may apply which), the ticket view's picker, and the macros' admin."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.factories import (
    AgentFactory,
    CustomerFactory,
    EditorFactory,
    SupportAdminFactory,
    open_ticket,
)
from tests.utils import count_queries
from tickets import workflow
from tickets.admin.views import version_of
from tickets.choices import Priority, Status
from tickets.models import CannedResponse, Tag, Ticket
from tickets.permissions import visible_macros

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(customer):
    return open_ticket(customer, subject="Tomatoes arrived bruised")


@pytest.fixture
def damaged():
    return Tag.objects.create(name="damaged", colour="red")


@pytest.fixture
def photos(damaged):
    """A shared macro: ask for photos, wait on the customer, tag it."""
    macro = CannedResponse.objects.create(
        title="Need photos",
        body="Hi {customer_name}, could you send a photo? {agent_name}",
        set_status=Status.WAITING_ON_CUSTOMER,
        set_priority=Priority.HIGH,
        assign_to_me=True,
    )
    macro.add_tags.add(damaged)
    return macro


def reasons(ticket):
    return [r.history_change_reason for r in ticket.history.order_by("history_date", "history_id")]


# ── The workflow ─────────────────────────────────────────────────────────────────────────────


def test_a_macro_posts_the_reply_then_runs_each_action_with_its_own_history_entry(
    ticket, agent, photos, damaged
):
    before = ticket.history.count()

    result = workflow.apply_macro(ticket, by=agent, macro=photos, body="Could you send a photo?")

    ticket.refresh_from_db()
    assert result.pk == ticket.pk
    assert ticket.status == Status.WAITING_ON_CUSTOMER
    assert ticket.priority == Priority.HIGH
    assert ticket.assignee == agent
    assert list(ticket.tags.all()) == [damaged]
    [message] = ticket.messages.all()
    assert (message.body, message.is_internal, message.author) == (
        "Could you send a photo?",
        False,
        agent,
    )
    assert reasons(ticket)[before:] == [
        "Staff replied",
        "macro: Need photos",
        "macro: Need photos",
        "macro: Need photos",
        "macro: Need photos",
    ]
    assert {r.history_user for r in ticket.history.all()[:5]} == {agent}


def test_without_a_body_only_the_actions_run(ticket, agent, photos):
    workflow.apply_macro(ticket, by=agent, macro=photos)

    ticket.refresh_from_db()
    assert not ticket.messages.exists()
    assert ticket.status == Status.WAITING_ON_CUSTOMER


def test_actions_the_ticket_already_satisfies_are_skipped(ticket, agent, photos, damaged):
    workflow.assign(ticket, by=agent, assignee=agent)
    workflow.change_status(ticket, by=agent, status=Status.WAITING_ON_CUSTOMER)
    workflow.tag(ticket, by=agent, add=[damaged])
    before = ticket.history.count()

    workflow.apply_macro(ticket, by=agent, macro=photos)

    assert reasons(ticket)[before:] == ["macro: Need photos"]  # the priority alone


def test_a_note_with_a_macro_stays_internal(ticket, agent, photos):
    workflow.apply_macro(ticket, by=agent, macro=photos, body="Asked for photos.", internal=True)

    assert ticket.messages.get().is_internal


def test_a_failing_action_changes_nothing_not_even_the_reply(ticket, agent, photos):
    colleague = AgentFactory()
    photos.assign_to_me, photos.assignee = False, colleague
    photos.save()
    colleague.groups.clear()  # no longer staff

    with pytest.raises(ValidationError) as error:
        workflow.apply_macro(ticket, by=SupportAdminFactory(), macro=photos, body="Photo please")

    assert list(error.value.message_dict) == ["macro"]
    assert "Need photos" in error.value.message_dict["macro"][0]
    assert "support agents" in error.value.message_dict["macro"][0]
    ticket.refresh_from_db()
    assert (ticket.status, ticket.priority, ticket.assignee) == (Status.OPEN, Priority.MEDIUM, None)
    assert not ticket.messages.exists() and not ticket.tags.exists()


def test_an_action_the_agent_may_not_take_is_refused_as_the_macros_error(ticket, agent, photos):
    photos.assign_to_me, photos.assignee = False, AgentFactory()
    photos.save()

    with pytest.raises(ValidationError) as error:
        workflow.apply_macro(ticket, by=agent, macro=photos, body="Photo please")

    assert "Only support admins may assign tickets to others." in str(error.value)
    assert not ticket.messages.exists()


def test_a_closed_ticket_refuses_the_reply_next_to_the_body(ticket, agent, photos):
    workflow.change_status(ticket, by=agent, status=Status.CLOSED)

    with pytest.raises(ValidationError) as error:
        workflow.apply_macro(ticket, by=agent, macro=photos, body="Hello")

    assert list(error.value.message_dict) == ["body"]


def test_a_colleagues_personal_macro_or_an_inactive_one_cannot_be_applied(ticket, agent):
    theirs = CannedResponse.objects.create(title="Mine", body="x", owner=AgentFactory())
    inactive = CannedResponse.objects.create(title="Old", body="x", is_active=False)

    for macro in (theirs, inactive):
        with pytest.raises(ValidationError) as error:
            workflow.apply_macro(ticket, by=agent, macro=macro, body="Hi")
        assert list(error.value.message_dict) == ["macro"]
    assert not ticket.messages.exists()


@pytest.mark.parametrize("make_user", [CustomerFactory, EditorFactory])
def test_only_staff_apply_macros(ticket, photos, make_user):
    with pytest.raises(PermissionDenied):
        workflow.apply_macro(ticket, by=make_user(), macro=photos, body="Hi")
    with pytest.raises(PermissionDenied):
        workflow.apply_macro(ticket, by=ticket.customer, macro=photos, body="Hi")

    assert not ticket.messages.exists()


def test_personal_macros_are_their_owners_alone(agent, photos):
    mine = CannedResponse.objects.create(title="Sign-off", body="x", owner=agent)
    CannedResponse.objects.create(title="Sign-off", body="y", owner=AgentFactory())

    assert set(visible_macros(agent)) == {photos, mine}
    assert set(visible_macros(SupportAdminFactory())) == {photos}
    assert not visible_macros(CustomerFactory()).exists()
    assert not visible_macros(EditorFactory()).exists()


# ── The ticket view ──────────────────────────────────────────────────────────────────────────


def url(ticket):
    return reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk])


def test_the_picker_offers_each_macro_with_its_text_and_actions(client, agent, ticket, photos):
    client.force_login(agent)

    body = client.get(url(ticket)).content.decode().replace("&#x27;", "'")

    assert "data-macro-picker" in body
    assert f"Hi {ticket.customer.get_full_name()}, could you send a photo?" in body
    assert (
        'data-actions="Status: Waiting on customer; Priority: High; Assign to me; '
        'Add tags: damaged"'
    ) in body
    assert '<input type="hidden" name="macro" id="id_macro">' in body


def test_sending_with_a_macro_runs_its_actions(client, agent, ticket, photos):
    client.force_login(agent)

    response = client.post(
        url(ticket),
        {
            "action": "reply",
            "kind": "reply",
            "body": "Could you send a photo?",
            "seen": version_of(ticket),
            "macro": photos.pk,
        },
        follow=True,
    )

    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING_ON_CUSTOMER
    assert ticket.messages.get().body == "Could you send a photo?"
    assert "Macro “Need photos” applied." in response.content.decode()


def test_without_javascript_insert_fills_the_reply_and_queues_the_actions(
    client, agent, ticket, photos
):
    client.force_login(agent)

    response = client.post(
        url(ticket),
        {"action": "canned", "canned": photos.pk, "body": "", "seen": version_of(ticket)},
    )

    form = response.context["reply_form"]
    assert form.initial["macro"] == photos.pk
    assert form.initial["body"].startswith(f"Hi {ticket.customer.get_full_name()}")
    body = response.content.decode()
    assert f'name="macro" value="{photos.pk}"' in body
    assert "Status: Waiting on customer; Priority: High" in body

    dropped = client.post(
        url(ticket),
        {
            "action": "drop_macro",
            "body": "Kept text",
            "seen": version_of(ticket),
            "macro": photos.pk,
        },
    )
    assert dropped.context["reply_form"].initial == {
        "body": "Kept text",
        "kind": "reply",
        "seen": version_of(ticket),
        "macro": None,
    }


def test_a_failing_macro_keeps_the_reply_and_says_why(client, agent, ticket, photos):
    photos.assign_to_me, photos.assignee = False, AgentFactory()
    photos.save()
    client.force_login(agent)

    response = client.post(
        url(ticket),
        {
            "action": "reply",
            "kind": "reply",
            "body": "My careful reply",
            "seen": version_of(ticket),
            "macro": photos.pk,
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "My careful reply" in body
    assert "could not run" in body
    assert not ticket.messages.exists()


def test_a_colleagues_personal_macro_id_is_refused_next_to_the_picker(client, agent, ticket):
    theirs = CannedResponse.objects.create(
        title="Theirs", body="x", owner=AgentFactory(), set_status=Status.RESOLVED
    )
    client.force_login(agent)

    response = client.post(
        url(ticket),
        {
            "action": "reply",
            "kind": "reply",
            "body": "Hello",
            "seen": version_of(ticket),
            "macro": theirs.pk,
        },
    )

    assert "That macro is no longer available" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN and not ticket.messages.exists()


def test_the_ticket_view_query_count_stays_flat_with_many_macros(client, agent, ticket, photos):
    damaged = photos.add_tags.get()
    client.force_login(agent)
    count_queries(client, url(ticket))
    small = count_queries(client, url(ticket))

    for n in range(10):
        macro = CannedResponse.objects.create(
            title=f"Macro {n}", body="x", owner=agent if n % 2 else None, assignee=agent
        )
        macro.add_tags.add(damaged)
        macro.remove_tags.add(Tag.objects.create(name=f"t{n}"))

    assert count_queries(client, url(ticket)) == small


# ── The macros' admin ────────────────────────────────────────────────────────────────────────

LIST = "wagtailsnippets_tickets_cannedresponse:list"
ADD = "wagtailsnippets_tickets_cannedresponse:add"
EDIT = "wagtailsnippets_tickets_cannedresponse:edit"
DELETE = "wagtailsnippets_tickets_cannedresponse:delete"


def form_data(**fields):
    return {"title": "Sign-off", "body": "Thanks, {agent_name}", "is_active": "on", **fields}


def test_an_agent_creates_a_personal_macro(client, agent, damaged):
    client.force_login(agent)

    response = client.post(
        reverse(ADD),
        form_data(set_status="waiting_on_customer", add_tags=[damaged.pk], shared="on"),
    )

    assert response.status_code == 302
    macro = CannedResponse.objects.get(title="Sign-off")
    assert macro.owner == agent  # agents cannot share, whatever they send
    assert macro.set_status == Status.WAITING_ON_CUSTOMER
    assert list(macro.add_tags.all()) == [damaged]


def test_agents_see_and_edit_only_their_own_and_see_the_shared_ones(client, agent, photos):
    mine = CannedResponse.objects.create(title="Mine", body="x", owner=agent)
    theirs = CannedResponse.objects.create(title="Theirs", body="x", owner=AgentFactory())
    client.force_login(agent)

    listing = client.get(reverse(LIST))
    listed = {m.pk for m in listing.context["object_list"]}

    assert listed == {mine.pk, photos.pk}
    assert "The team" in listing.content.decode() and "Only you" in listing.content.decode()
    assert client.get(reverse(EDIT, args=[mine.pk])).status_code == 200
    assert client.get(reverse(EDIT, args=[photos.pk])).status_code == 404
    assert client.get(reverse(EDIT, args=[theirs.pk])).status_code == 404
    assert client.post(reverse(DELETE, args=[photos.pk])).status_code == 404
    client.post(reverse(DELETE, args=[mine.pk]))
    assert set(CannedResponse.objects.all()) == {photos, theirs}


def test_a_colleagues_personal_macro_has_no_history_or_usage_page(client, agent, photos):
    theirs = CannedResponse.objects.create(title="Theirs", body="x", owner=AgentFactory())
    client.force_login(agent)

    for view in ("history", "usage"):
        url = f"wagtailsnippets_tickets_cannedresponse:{view}"
        assert client.get(reverse(url, args=[photos.pk])).status_code == 200
        assert client.get(reverse(url, args=[theirs.pk])).status_code == 404


def test_bulk_delete_removes_only_own_macros_and_never_names_a_colleagues(client, agent, photos):
    mine = CannedResponse.objects.create(title="Mine", body="x", owner=agent)
    theirs = CannedResponse.objects.create(title="Their secret", body="x", owner=AgentFactory())
    client.force_login(agent)
    ids = "&".join(f"id={m.pk}" for m in (mine, photos, theirs))
    url = reverse("wagtail_bulk_action", args=["tickets", "cannedresponse", "delete"]) + f"?{ids}"

    confirm = client.get(url).content.decode()
    client.post(url)

    assert "Mine" in confirm and "Need photos" in confirm and "Their secret" not in confirm
    assert set(CannedResponse.objects.all()) == {photos, theirs}


def test_support_admins_keep_the_shared_macros(client, support_admin, photos):
    theirs = CannedResponse.objects.create(title="Theirs", body="x", owner=AgentFactory())
    client.force_login(support_admin)

    client.post(reverse(ADD), form_data(shared="on"))
    client.post(reverse(ADD), form_data(title="Just me"))
    edited = client.post(
        reverse(EDIT, args=[photos.pk]), form_data(title="Need photos", shared="on")
    )

    assert edited.status_code == 302
    assert CannedResponse.objects.get(title="Sign-off").owner is None
    assert CannedResponse.objects.get(title="Just me").owner == support_admin
    photos.refresh_from_db()
    assert photos.body == "Thanks, {agent_name}" and photos.owner is None
    assert client.get(reverse(EDIT, args=[theirs.pk])).status_code == 404


def test_bad_macro_input_is_shown_next_to_the_fields(client, agent, damaged):
    CannedResponse.objects.create(title="Sign-off", body="x", owner=agent)
    client.force_login(agent)

    response = client.post(
        reverse(ADD),
        form_data(
            assign_to_me="on", assignee=agent.pk, add_tags=[damaged.pk], remove_tags=[damaged.pk]
        ),
    )

    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors["title"] == ["You have a canned response with this title already."]
    assert form.errors["remove_tags"] == ["A tag cannot be both added and removed: damaged"]
    assert "assignee" in form.errors
    assert CannedResponse.objects.count() == 1


def test_two_agents_may_name_their_personal_macros_alike(client, agent):
    CannedResponse.objects.create(title="Sign-off", body="x", owner=AgentFactory())
    client.force_login(agent)

    assert client.post(reverse(ADD), form_data()).status_code == 302
    assert CannedResponse.objects.filter(title="Sign-off").count() == 2


# Customers never enter the admin (its login page); editors do, and find no macro there.
@pytest.mark.parametrize("make_user, edit", [(CustomerFactory, 302), (EditorFactory, 404)])
def test_non_staff_reach_no_macro(client, photos, make_user, edit):
    client.force_login(make_user())

    answers = [
        client.get(reverse(LIST)).status_code,
        client.get(reverse(EDIT, args=[photos.pk])).status_code,
        client.post(reverse(ADD), form_data()).status_code,
    ]

    assert answers == [302, edit, 302]
    assert CannedResponse.objects.count() == 1


def test_the_macro_list_query_count_stays_flat(client, agent, photos):
    client.force_login(agent)
    count_queries(client, reverse(LIST))
    small = count_queries(client, reverse(LIST))

    for n in range(15):
        CannedResponse.objects.create(title=f"M{n}", body="x", owner=agent if n % 2 else None)

    assert count_queries(client, reverse(LIST)) == small


def test_the_chooser_lists_only_the_visible_macros(client, agent, photos):
    theirs = CannedResponse.objects.create(title="Theirs", body="x", owner=AgentFactory())
    client.force_login(agent)

    response = client.get(reverse("wagtailsnippetchoosers_tickets_cannedresponse:choose"))

    assert response.status_code == 200
    body = response.json()["html"]
    assert "Need photos" in body and theirs.title not in body


def test_demo_style_macro_gives_waiting_on_customer_after_the_reply(ticket, agent, damaged):
    """The acceptance's step: a macro that sets "Waiting on customer" and a tag, with a reply."""
    macro = CannedResponse.objects.create(
        title="Ask", body="x", set_status=Status.WAITING_ON_CUSTOMER
    )
    macro.add_tags.add(damaged)

    workflow.apply_macro(ticket, by=agent, macro=macro, body="Please send a photo.")

    ticket = Ticket.objects.get(pk=ticket.pk)
    assert ticket.status == Status.WAITING_ON_CUSTOMER
    assert [t.name for t in ticket.tags.all()] == ["damaged"]
