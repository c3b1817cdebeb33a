"""Attachments on S3-compatible object storage, as production runs them when scaled out
(ATTACHMENTS_STORAGE_BACKEND=storages.backends.s3.S3Storage): against a real S3 server (moto's,
started here on a free port), files go to the private bucket and never to local disk, come back
through the permission-checked view (streamed, never a link to the bucket), and a file kept
through a refused post is read back from the bucket, checked by its content again and sent."""

import io
import itertools
import os
from datetime import timedelta
from pathlib import Path

import boto3
import pytest
from django.conf import settings as django_settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from moto.server import ThreadedMotoServer
from PIL import Image
from storages.backends.s3 import S3Storage

from helpcenter.demo import seed_contact_page
from helpcenter.models import HomePage
from tests.factories import AgentFactory, CustomerFactory, open_ticket
from tickets import kept_uploads
from tickets.admin.views import version_of
from tickets.models import Attachment, Ticket

pytestmark = pytest.mark.django_db

REGION = "eu-west-1"
CREDENTIALS = {"access_key": "test-access-key", "secret_key": "test-secret-key"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
FORM = {
    "subject": "Missing limes in today's delivery",
    "description": "Two cases of limes were not delivered with order LT-1 this morning.",
    "priority": "medium",
}
_buckets = itertools.count()


def png():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server on a free port of this process (parallel runs each start their own)."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


class Bucket:
    """The test's view of the bucket, through its own S3 client."""

    def __init__(self, name, endpoint):
        self.name, self.endpoint = name, endpoint
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["access_key"],
            aws_secret_access_key=CREDENTIALS["secret_key"],
        )
        self.client.create_bucket(
            Bucket=name, ACL="private", CreateBucketConfiguration={"LocationConstraint": REGION}
        )

    def keys(self, prefix=""):
        listing = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def grants(self, key):
        acl = self.client.get_object_acl(Bucket=self.name, Key=key)
        return [grant["Permission"] for grant in acl["Grants"]]


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    """A fresh private bucket as the attachments storage, with nothing of the machine's AWS
    setup (variables, config files) reaching boto."""
    for name in [name for name in os.environ if name.startswith("AWS_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    bucket = Bucket(f"ticket-files-{next(_buckets)}", s3_endpoint)
    # Setting STORAGES resets Django's storage handler (django.test.signals.storages_changed).
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **CREDENTIALS,
                "bucket_name": bucket.name,
                "region_name": REGION,
                "endpoint_url": s3_endpoint,
                "addressing_style": "path",
                "default_acl": "private",
                "querystring_auth": False,
            },
        },
    }
    # The model's field took its storage when the model was defined: it gets the bucket too.
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", storages["attachments"])
    return bucket


@pytest.fixture
def contact_page():
    seed_contact_page(HomePage.objects.get())


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def on_local_disk(name):
    return any(
        Path(folder, name).exists()
        for folder in (django_settings.MEDIA_ROOT, django_settings.BASE_DIR / "private")
    )


def downloaded(client, attachment):
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200, response.status_code
    return response, b"".join(response.streaming_content)


def test_a_customers_file_lives_in_the_bucket_and_only_the_checked_view_serves_it(
    bucket, customer, contact_page
):
    client = signed_in(customer)

    client.post("/contact/", {**FORM, "attachments": [SimpleUploadedFile("invoice.pdf", PDF)]})

    ticket = Ticket.objects.get()
    attachment = ticket.attachments.get()
    assert isinstance(attachment.file.storage, S3Storage)
    assert bucket.keys() == [attachment.file.name]
    assert attachment.file.name.startswith(f"tickets/{ticket.pk}/")
    assert bucket.read(attachment.file.name) == PDF
    assert bucket.grants(attachment.file.name) == ["FULL_CONTROL"]
    assert not on_local_disk(attachment.file.name)

    response, body = downloaded(client, attachment)
    assert body == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(PDF))
    assert response["Content-Disposition"] == 'attachment; filename="invoice.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert bucket.endpoint not in client.get(ticket.get_absolute_url()).content.decode()

    assert signed_in(CustomerFactory()).get(attachment.get_absolute_url()).status_code == 404
    assert Client().get(attachment.get_absolute_url()).status_code == 302
    assert downloaded(signed_in(AgentFactory()), attachment)[1] == PDF


def test_a_picture_kept_through_a_refused_post_is_checked_again_from_the_bucket_and_sent(
    bucket, customer, contact_page
):
    client = signed_in(customer)
    picture = png()

    refused = client.post(
        "/contact/",
        {**FORM, "subject": "Hi", "attachments": [SimpleUploadedFile("shelf.png", picture)]},
    )

    assert refused.context["form"].errors
    (kept,) = bucket.keys(f"{kept_uploads.KEPT_FOLDER}/")
    assert bucket.read(kept) == picture

    client.post("/contact/", FORM)

    attachment = Ticket.objects.get().attachments.get()
    assert (attachment.original_name, attachment.content_type) == ("shelf.png", "image/png")
    assert bucket.keys() == [attachment.file.name]
    response, body = downloaded(client, attachment)
    assert body == picture
    assert response["Content-Disposition"] == 'inline; filename="shelf.png"'


def test_replies_from_the_portal_and_the_admin_put_their_files_in_the_bucket(bucket, customer):
    ticket = open_ticket(customer)
    agent = AgentFactory()
    customers_client, agents_client = signed_in(customer), signed_in(agent)

    customers_client.post(
        ticket.get_absolute_url(),
        {"body": "The delivery note.", "attachments": [SimpleUploadedFile("note.txt", b"LT-1")]},
    )
    agents_client.post(
        reverse("wagtailsnippets_tickets_ticket:edit", args=[ticket.pk]),
        {
            "action": "reply",
            "kind": "reply",
            "body": "A new case is on its way.",
            "seen": version_of(Ticket.objects.get(pk=ticket.pk)),
            "attachments": [SimpleUploadedFile("route.txt", b"Route 14")],
        },
    )

    customers_file, agents_file = Attachment.objects.filter(ticket=ticket).order_by("pk")
    assert (customers_file.uploaded_by, agents_file.uploaded_by) == (customer, agent)
    assert bucket.keys() == sorted([customers_file.file.name, agents_file.file.name])
    assert downloaded(agents_client, customers_file)[1] == b"LT-1"
    assert downloaded(customers_client, agents_file)[1] == b"Route 14"


def test_kept_files_nobody_sent_expire_from_the_bucket(bucket, customer, contact_page):
    signed_in(customer).post(
        "/contact/",
        {**FORM, "subject": "Hi", "attachments": [SimpleUploadedFile("notes.txt", b"notes")]},
    )
    assert len(bucket.keys(f"{kept_uploads.KEPT_FOLDER}/")) == 1

    later = timezone.now() + kept_uploads.KEEP_FOR + timedelta(minutes=1)

    assert kept_uploads.forget_expired(now=later) == 1
    assert bucket.keys() == []
