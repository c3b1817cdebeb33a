"""Asking for one's data on the account page: the task, the email, the daily limit, the link."""

from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from notifications.models import EmailDelivery
from privacy import export_requests
from privacy.erasure import erase_customer
from privacy.models import DataExport, PrivacyAction
from tests.factories import CustomerFactory, open_ticket

from .conftest import unzipped

ASK = reverse("privacy:request_export")
PROFILE = reverse("account_profile")


@pytest.fixture
def asked(client, customer, committed):
    """The customer has asked once; the task ran (the test settings' immediate backend)."""
    open_ticket(customer, subject="My parcel never came")
    client.force_login(customer)
    with committed():
        response = client.post(ASK)
    assert response.status_code == 302 and response.url == PROFILE
    return DataExport.objects.get(user=customer)


def test_asking_prepares_the_zip_logs_it_and_emails_the_link(client, customer, asked):
    assert asked.ready_at and asked.expires_at - asked.ready_at == timedelta(days=7)
    folder, name = asked.file.split("/")
    assert folder == "exports" and len(name) == len("x" * 32 + ".zip")  # a random name
    assert customer.email.split("@")[0] not in asked.file
    action = PrivacyAction.objects.get(kind=PrivacyAction.Kind.EXPORT)
    assert action.actor == customer and action.subject_user_id == customer.pk
    assert action.details == {
        "via": "account page",
        "tickets": 1,
        "copied_on": 0,
        "messages": 0,
        "files": 0,
    }
    [email] = [message for message in mail.outbox if "Your data" in message.subject]
    assert email.to == [customer.email]
    link = export_requests.download_path(asked)
    assert link in email.body and link in email.alternatives[0].content
    delivery = EmailDelivery.objects.get(kind="data_export_ready")
    assert delivery.recipient == customer and delivery.status == EmailDelivery.Status.SENT
    assert delivery.get_kind_display() == "Your data is ready to download"  # as the admin lists it

    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    _files, data = unzipped(b"".join(response.streaming_content))
    assert data["account"]["email"] == customer.email
    assert data["tickets"][0]["subject"] == "My parcel never came"


def test_the_page_shows_the_link_then_refuses_a_second_copy_the_same_day(client, asked):
    page = client.get(PROFILE).content.decode()
    assert export_requests.download_path(asked) in page
    assert "once a day" in page and f'action="{ASK}"' not in page

    response = client.post(ASK, follow=True)

    assert DataExport.objects.count() == 1
    assert "once a day: ask again after" in response.content.decode()


def test_a_day_later_the_customer_may_ask_again(client, customer, asked, committed):
    with freeze_time(timezone.now() + timedelta(days=1, minutes=1)), committed():
        client.post(ASK)
        page = client.get(PROFILE).content.decode()
    assert DataExport.objects.filter(user=customer).count() == 2
    assert f'action="{ASK}"' not in page  # asked again just now


def test_the_page_says_the_copy_is_being_prepared_until_it_is_ready(client, customer):
    client.force_login(customer)
    client.post(ASK)  # not committed: the task has not run

    page = client.get(PROFILE).content.decode()

    assert "preparing your copy" in page
    assert DataExport.objects.get().ready_at is None


def test_a_tampered_link_is_refused(client, asked):
    link = export_requests.download_path(asked)
    assert client.get(link[:-3] + "xyz/").status_code == 404
    forged = signing.dumps(asked.pk, salt="another.salt")
    assert client.get(reverse("privacy:download", args=[forged])).status_code == 404


def test_an_expired_link_is_refused(client, asked):
    link = export_requests.download_path(asked)
    with freeze_time(timezone.now() + timedelta(days=7, minutes=1)):
        assert client.get(link).status_code == 404


def test_a_copy_past_its_time_is_refused_even_with_a_fresh_link(client, asked):
    DataExport.objects.filter(pk=asked.pk).update(expires_at=timezone.now())
    assert client.get(export_requests.download_path(asked)).status_code == 404


def test_another_customer_cannot_download_it(client, asked):
    client.force_login(CustomerFactory())
    assert client.get(export_requests.download_path(asked)).status_code == 404


def test_expired_copies_are_deleted_with_their_files_and_current_ones_kept(asked, committed):
    other = CustomerFactory()
    with committed():
        current = export_requests.request_for(other, by=other)
    current.refresh_from_db()
    storage = export_requests.storage()
    DataExport.objects.filter(pk=asked.pk).update(expires_at=timezone.now())

    assert export_requests.forget_expired_task.call() == 1

    assert not storage.exists(asked.file) and storage.exists(current.file)
    assert list(DataExport.objects.all()) == [current]


def test_a_support_admins_export_does_not_email_the_customer(customer, support_admin, committed):
    with committed():
        data_export = export_requests.request_for(customer, by=support_admin)
    data_export.refresh_from_db()
    assert data_export.ready_at is not None
    assert not [message for message in mail.outbox if "Your data" in message.subject]
    action = PrivacyAction.objects.get(kind=PrivacyAction.Kind.EXPORT)
    assert action.actor == support_admin and action.details["via"] == "admin"
    # …nor does it count against the customer's daily copy.
    assert export_requests.status(customer).again_at is None


def test_erasing_the_customer_deletes_their_copies_and_the_files(customer, asked, committed):
    name = asked.file
    assert export_requests.storage().exists(name)

    with committed():
        erase_customer(customer, by=None)

    assert not DataExport.objects.filter(user=customer).exists()
    assert not export_requests.storage().exists(name)


def test_a_copy_never_made_is_forgotten_a_day_on_so_the_customer_may_ask_again(client, customer):
    client.force_login(customer)
    client.post(ASK)  # not committed: the task never ran, as if it had failed
    assert export_requests.forget_expired() == 0
    assert export_requests.status(customer).preparing

    with freeze_time(timezone.now() + timedelta(days=1, minutes=1)):
        assert export_requests.forget_expired() == 1
        assert export_requests.status(customer).latest is None
        assert export_requests.status(customer).again_at is None
