"""privacy.export: the ZIP holds exactly the customer's data."""

import io

from privacy import export

from .conftest import NOT_ALICES, unzipped


def exported(user):
    target = io.BytesIO()
    counts = export.write(user, target)
    return counts, *unzipped(target.getvalue())


def test_the_export_holds_nothing_of_another_customer_nor_internal_notes_nor_agents_names(world):
    _counts, files, _data = exported(world["alice"])

    everything = b"\n".join([*files.values(), *(name.encode() for name in files)])
    for text in NOT_ALICES:
        assert text.encode() not in everything, text
        assert text.encode("unicode_escape") not in everything, text


def test_the_export_holds_the_customers_account_orders_and_tickets(world):
    alice, mine = world["alice"], world["mine"]
    _counts, _files, data = exported(alice)

    assert data["account"] | {"email": alice.email} == data["account"]
    assert data["account"]["name"] == "Alice Owner"
    assert data["account"]["phone"] == "+1 630 555 0101"
    assert data["account"]["business_name"] == "Alice's Bakery"
    assert [order["number"] for order in data["orders"]] == ["ORD-ALICE"]
    assert len(data["orders"][0]["lines"]) == 2
    [ticket] = data["tickets"]
    assert ticket["number"] == mine.number
    assert ticket["subject"] == "Alice flour delivery missing"
    assert ticket["order"] == "ORD-ALICE"
    assert ticket["rating"]["stars"] == 4
    assert ticket["rating"]["comment"] == "ALICE-RATING: quick and kind."
    # The public thread that is hers: the team's reply (first name only, as the portal shows
    # it) and her own message; no internal note, nothing a CC wrote.
    assert [(m["from"], m["author"], m["text"][:13]) for m in ticket["messages"]] == [
        ("support team", "Dana", "ALICE-STAFF-R"),
        ("you", "Alice Owner", "ALICE-MESSAGE"),
    ]
    assert data["article_votes"][0]["comment"] == "ALICE-VOTE"
    assert data["article_votes"][0]["article"] == "Delivery windows"
    assert data["notifications"] and data["emails"]
    assert {email["to"] for email in data["emails"]} == {alice.email}


def test_on_a_ticket_she_is_copied_on_only_her_own_part_is_exported(world):
    _counts, files, data = exported(world["alice"])

    [copied] = data["copied_on"]
    assert copied["number"] == world["theirs"].number
    assert "subject" not in copied
    assert [message["text"] for message in copied["messages"]] == [
        "ALICE-ON-BOB: I saw the bell fall off too."
    ]
    assert copied["messages"][0]["attachments"] == [f"attachments/{copied['number']}/witness.pdf"]


def test_her_own_files_are_in_the_archive_byte_for_byte_with_unique_safe_names(world):
    mine, theirs = world["mine"].number, world["theirs"].number
    counts, files, data = exported(world["alice"])

    first = f"attachments/{mine}/flour_invoice.pdf"
    second = f"attachments/{mine}/flour_invoice (2).pdf"
    assert b"ALICE-PDF" in files[first]
    assert b"ALICE-SECOND-PDF" in files[second]
    assert b"ALICE-CC-PDF" in files[f"attachments/{theirs}/witness.pdf"]
    assert sorted(name for name in files if name != "data.json") == sorted(
        [first, second, f"attachments/{theirs}/witness.pdf"]
    )
    assert data["tickets"][0]["attachments"] == [first]
    assert data["tickets"][0]["messages"][1]["attachments"] == [second]
    assert counts == {"tickets": 1, "copied_on": 1, "messages": 3, "files": 3}


def test_a_file_already_deleted_from_storage_is_left_out(world):
    attachment = world["mine"].attachments.get(message__isnull=True)
    attachment.file.storage.delete(attachment.file.name)

    counts, files, data = exported(world["alice"])

    assert data["tickets"][0]["attachments"] == []
    assert counts["files"] == 2


def test_the_other_customer_gets_his_own_data_and_none_of_hers(world):
    _counts, files, data = exported(world["bob"])

    everything = b"\n".join(files.values())
    assert b"ALICE-PDF" not in everything and b"Alice Owner" not in everything
    assert b"ALICE-ON-BOB" not in everything and b"ALICE-RATING" not in everything
    assert [ticket["subject"] for ticket in data["tickets"]] == ["BOB-SUBJECT broken bike bell"]
    assert [m["text"][:9] for m in data["copied_on"][0]["messages"]] == ["BOB-REPLY"]


def test_a_file_removed_under_the_retention_policy_is_left_out(world):
    from tickets.models import Attachment
    from tickets.workflow import remove_attachment_files

    attachments = Attachment.objects.filter(
        pk=world["mine"].attachments.get(message__isnull=True).pk
    )
    remove_attachment_files(attachments, removal=Attachment.Removal.RETENTION, limit=1)

    counts, _files, data = exported(world["alice"])

    assert data["tickets"][0]["attachments"] == []
    assert counts["files"] == 2
