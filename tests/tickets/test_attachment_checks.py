"""A file is accepted only when its name is honest about its content: no marks that reorder the
name, an extension its kind of file has, and, for pictures, a size a browser can open."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import AgentFactory, open_ticket
from tickets import limits, workflow
from tickets.attachments import check_uploads

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png(width, height):
    """A black 1-bit PNG: a few kilobytes on disk however many pixels it decodes to."""
    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def jpeg():
    out = io.BytesIO()
    Image.new("RGB", (4, 3), "orange").save(out, "JPEG")
    return out.getvalue()


def refusal(*uploads):
    with pytest.raises(ValidationError) as error:
        check_uploads(list(uploads))
    return " ".join(error.value.messages)


def test_names_lose_bidi_and_control_characters_before_they_are_checked_and_kept(customer):
    disguised = SimpleUploadedFile("invoice\u202efdp.exe", PDF)

    assert refusal(disguised) == (
        "invoicefdp.exe: for a file like this one, the name must end in .pdf."
    )

    ticket = open_ticket(
        customer,
        attachments=[
            SimpleUploadedFile("\u2067delivery\u200f\u061c note\u2069\x07\x1b\u2028.pdf ", PDF),
            SimpleUploadedFile("نامه\u200cها.txt", "سلام".encode()),
        ],
    )

    assert [a.original_name for a in ticket.attachments.all()] == [
        "delivery note.pdf",
        "نامه\u200cها.txt",
    ]


@pytest.mark.parametrize(
    ("name", "content", "endings"),
    [
        ("shell.php", b"<?php system($_GET['c']); ?>", ".txt, .log, .csv"),
        (".htaccess", b"AddType application/x-httpd-php .png", ".txt, .log, .csv"),
        ("README", b"Plain words, no extension.", ".txt, .log, .csv"),
        ("notes.", b"A name ending in a dot.", ".txt, .log, .csv"),
        ("photo.jpg", png(2, 2), ".png"),
        ("receipt.pdf.png", PDF, ".pdf"),
        ("scan.png", jpeg(), ".jpg, .jpeg"),
    ],
)
def test_a_name_whose_extension_is_not_its_contents_is_refused(name, content, endings):
    assert refusal(SimpleUploadedFile(name, content)) == (
        f"{name}: for a file like this one, the name must end in {endings}."
    )


def test_the_extensions_of_the_content_are_accepted_in_any_case_and_no_others():
    texts = [
        SimpleUploadedFile("Notes.TXT", b"hello"),
        SimpleUploadedFile("server.log", b"GET / 200"),
        SimpleUploadedFile("orders.csv", b"order,qty\nLT-1,4\n"),
    ]
    others = [
        SimpleUploadedFile("crate.PNG", png(2, 2)),
        SimpleUploadedFile("label.jpeg", jpeg()),
        SimpleUploadedFile("label.jpg", jpeg()),
        SimpleUploadedFile("invoice.pdf", PDF),
    ]

    assert [kind for _, kind in check_uploads(texts)] == ["text/plain", "text/plain", "text/csv"]
    assert [kind for _, kind in check_uploads(others)] == [
        "image/png",
        "image/jpeg",
        "image/jpeg",
        "application/pdf",
    ]
    assert refusal(SimpleUploadedFile("notes.md", b"hello")) == (
        "notes.md: for a file like this one, the name must end in .txt, .log, .csv."
    )


def test_a_picture_past_the_pixel_limit_is_refused_however_small_its_file(customer):
    bomb = png(30_000, 30_000)
    just_over = png(8_000, 5_001)
    assert len(bomb) < limits.MAX_FILE_SIZE_MB * 1024 * 1024 // 50
    too_large = "is too large a picture: send one of at most 40 megapixels."

    assert refusal(SimpleUploadedFile("bomb.png", bomb)) == f"bomb.png {too_large}"
    assert refusal(SimpleUploadedFile("wide.png", just_over)) == f"wide.png {too_large}"
    assert check_uploads([SimpleUploadedFile("fine.png", png(8_000, 5_000))])


def test_the_pixel_limit_and_its_message_follow_the_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_IMAGE_MEGAPIXELS", 1)

    assert refusal(SimpleUploadedFile("photo.png", png(1_000, 1_001))) == (
        "photo.png is too large a picture: send one of at most 1 megapixels."
    )
    assert check_uploads([SimpleUploadedFile("photo.png", png(1_000, 1_000))])


def test_a_picture_whose_header_cannot_be_read_is_refused():
    broken = png(2, 2)[:20]

    assert refusal(SimpleUploadedFile("crate.png", broken)) == (
        "crate.png could not be opened as a picture."
    )


def test_the_portal_shows_a_refused_file_next_to_the_reply_and_keeps_the_text(client, customer):
    ticket = open_ticket(customer)
    client.force_login(customer)

    response = client.post(
        ticket.get_absolute_url(),
        {
            "body": "Here is the photo.",
            "attachments": SimpleUploadedFile("photo.png", png(30_000, 30_000)),
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "photo.png is too large a picture" in page
    assert "Here is the photo.</textarea>" in page
    assert not ticket.attachments.exists()


def test_pages_isolate_file_names_subjects_and_names_from_the_text_around_them(client, customer):
    customer.name = "\u202eMaria"
    customer.save()
    ticket = open_ticket(
        customer,
        subject="Limes \u202emissing",
        attachments=[SimpleUploadedFile("delivery-note.pdf", PDF)],
    )
    agent = AgentFactory()
    workflow.post_message(ticket, author=customer, body="Any news?")

    client.force_login(customer)
    portal_list = client.get("/tickets/").content.decode()
    portal_ticket = client.get(ticket.get_absolute_url()).content.decode()
    client.force_login(agent)
    admin_ticket = client.get(f"/admin/snippets/tickets/ticket/edit/{ticket.pk}/").content.decode()

    assert "<bdi>Limes \u202emissing</bdi>" in portal_list
    assert "<bdi>delivery-note.pdf</bdi>" in portal_ticket
    assert "<bdi>\u202eMaria</bdi>" in portal_ticket
    assert "<bdi>delivery-note.pdf</bdi>" in admin_ticket
    assert "<bdi>\u202eMaria</bdi>" in admin_ticket
