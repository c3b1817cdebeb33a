"""Replies, internal notes and files through the API, by the same workflow as the web."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tickets import workflow
from tickets.choices import Source, Status
from tickets.models import Attachment, Message

from .conftest import INTERNAL_FILE, PDF


def test_a_customer_reply_is_a_public_message(api, customer, ticket):
    response = api(customer).post(
        f"/api/v1/tickets/{ticket.number}/comments/",
        {"comment": "I also noticed the rice was poor."},
        format="json",
    )

    assert response.status_code == 201
    data = response.json()
    assert data["comment"] == "I also noticed the rice was poor."
    assert data["is_staff_comment"] is False and data["is_internal"] is False
    assert data["author"] == {"name": customer.get_full_name(), "is_staff": False}
    message = Message.objects.get(pk=data["id"])
    assert message.source == Source.API and message.author == customer


def test_a_customer_reply_moves_a_waiting_ticket_back_to_in_progress(
    api, customer, ticket, staff_agent
):
    workflow.change_status(ticket, by=staff_agent, status=Status.WAITING_ON_CUSTOMER)

    api(customer).post(
        f"/api/v1/tickets/{ticket.number}/comments/", {"comment": "Photo attached."}, format="json"
    )

    ticket.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS


def test_staff_write_internal_notes_customers_never_get(api, agent, customer, ticket):
    response = api(agent).post(
        f"/api/v1/tickets/{ticket.number}/comments/",
        {"comment": "Driver says it was delivered.", "is_internal": True},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["is_internal"] is True
    comments = api(customer).get(f"/api/v1/tickets/{ticket.number}/comments/").json()["results"]
    assert "Driver says it was delivered." not in str(comments)


def test_a_customer_cannot_write_an_internal_note(api, customer, ticket):
    response = api(customer).post(
        f"/api/v1/tickets/{ticket.number}/comments/",
        {"comment": "Secret?", "is_internal": True},
        format="json",
    )

    assert response.status_code == 403
    assert response.json() == {
        "detail": "Only support staff may write internal notes.",
        "code": "permission_denied",
    }
    assert not Message.objects.filter(body="Secret?").exists()


def test_empty_or_too_long_replies_are_field_errors_named_comment(api, customer, ticket):
    client = api(customer)
    url = f"/api/v1/tickets/{ticket.number}/comments/"

    assert client.post(url, {"comment": ""}, format="json").json()["errors"].keys() == {"comment"}
    too_long = client.post(url, {"comment": "x" * 2001}, format="json").json()
    assert too_long["errors"] == {
        "comment": ["Ensure this value has at most 2000 characters (it has 2001)."]
    }


def test_a_closed_ticket_takes_no_replies(api, customer, ticket, staff_agent):
    workflow.change_status(ticket, by=staff_agent, status=Status.CLOSED)

    response = api(customer).post(
        f"/api/v1/tickets/{ticket.number}/comments/", {"comment": "Hello?"}, format="json"
    )

    assert response.status_code == 400
    assert "closed" in response.json()["errors"]["comment"][0]


def test_comments_page_oldest_first_and_poll_with_after(api, agent, ticket):
    client = api(agent)
    comments = client.get(f"/api/v1/tickets/{ticket.number}/comments/").json()["results"]
    assert [c["is_internal"] for c in comments] == [False, True]

    newer = client.get(
        f"/api/v1/tickets/{ticket.number}/comments/?after={comments[0]['id']}"
    ).json()["results"]

    assert [c["id"] for c in newer] == [comments[1]["id"]]


def test_files_with_a_reply_upload_as_multipart(api, customer, ticket):
    response = api(customer).post(
        f"/api/v1/tickets/{ticket.number}/comments/",
        {"comment": "Here is the invoice.", "attachments": [SimpleUploadedFile("bill.pdf", PDF)]},
        format="multipart",
    )

    assert response.status_code == 201
    [attachment] = response.json()["attachments"]
    assert attachment["name"] == "bill.pdf"
    assert Attachment.objects.get(pk=attachment["id"]).message_id == response.json()["id"]


def test_more_than_five_files_are_refused(api, customer, ticket):
    files = [SimpleUploadedFile(f"f{n}.pdf", PDF) for n in range(6)]

    response = api(customer).post(
        f"/api/v1/tickets/{ticket.number}/comments/",
        {"comment": "Lots of files", "attachments": files},
        format="multipart",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {"attachments": ["Attach at most 5 files."]}


def test_download_url_serves_the_file_through_the_permission_checked_view(api, customer, ticket):
    data = api(customer).get(f"/api/v1/tickets/{ticket.number}/").json()
    url = data["comments"][0]["attachments"][0]["download_url"]

    response = api(customer).get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"tracking details"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "attachment" in response["Content-Disposition"]


def test_an_internal_notes_file_is_404_for_the_customer(api, customer, agent, ticket):
    note_file = Attachment.objects.get(original_name=INTERNAL_FILE)
    url = f"/api/v1/tickets/{ticket.number}/attachments/{note_file.pk}/"

    assert api(customer).get(url).status_code == 404
    assert api(customer).get(url).json()["code"] == "not_found"
    assert api(agent).get(url).status_code == 200


@pytest.mark.parametrize("wrong", ["number", "pk"])
def test_a_file_under_another_tickets_number_is_404(api, customer, ticket, wrong):
    from tests.factories import open_ticket

    mine = open_ticket(customer)
    attachment = Attachment.objects.filter(ticket=ticket).first()
    number = mine.number if wrong == "number" else ticket.number
    pk = attachment.pk if wrong == "number" else 10**12

    assert api(customer).get(f"/api/v1/tickets/{number}/attachments/{pk}/").status_code == 404
