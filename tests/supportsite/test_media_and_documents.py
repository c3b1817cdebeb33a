"""Documents reach readers through Wagtail's serve view alone, which checks their collection's
view restriction; /media/ (served by Django in development) never hands out a document or a
ticket attachment."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, Storage, default_storage, storages
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

PLAN = b"%PDF-1.4 staff rota"
FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """MEDIA_ROOT on disk, as in development, with attachments in a folder inside it."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": str(tmp_path)}},
        "attachments": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": str(tmp_path / "private")}},
    }
    return tmp_path


class RemoteStorage(Storage):
    """Like S3: files have a URL (on another host) but no path on this machine."""

    def __init__(self):
        self.files = InMemoryStorage(base_url="https://bucket.example.com/")

    def _open(self, name, mode="rb"):
        return self.files.open(name, mode)

    def _save(self, name, content):
        return self.files.save(name, content)

    def exists(self, name):
        return self.files.exists(name)

    def size(self, name):
        return self.files.size(name)

    def url(self, name):
        return self.files.url(name)


@pytest.fixture
def remote_media(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.RemoteStorage"},
    }


def restricted_document(restriction_type=CollectionViewRestriction.LOGIN, **restriction):
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, **restriction
    )
    return get_document_model().objects.create(
        title="Staff rota", file=ContentFile(PLAN, name="rota.pdf"), collection=collection
    )


def test_media_serves_public_uploads_but_no_restricted_document(client, media_on_disk):
    image = default_storage.save("original_images/logo.png", ContentFile(b"\x89PNG logo"))
    document = restricted_document()

    assert client.get(f"/media/{image}").status_code == 200
    assert document.file.name.startswith("documents/")
    for spelling in (
        f"/media/{document.file.name}",
        f"/media/./{document.file.name}",
        f"/media/original_images/../{document.file.name}",
    ):
        assert client.get(spelling).status_code == 404, spelling


def test_media_never_serves_a_ticket_attachment_kept_inside_media_root(client, media_on_disk):
    name = storages["attachments"].save("2026/12/invoice.pdf", ContentFile(b"%PDF invoice"))

    assert (media_on_disk / "private" / name).exists()
    assert client.get(f"/media/private/{name}").status_code == 404


def test_a_document_is_streamed_by_wagtails_view_not_redirected_to_the_storage(
    client, remote_media
):
    document = get_document_model().objects.create(
        title="Menu", file=ContentFile(b"%PDF menu", name="menu.pdf")
    )

    response = client.get(document.url)

    assert document.url == reverse("wagtaildocs_serve", args=[document.pk, "menu.pdf"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF menu"


def test_a_login_restricted_document_asks_for_sign_in_first(client, customer, media_on_disk):
    document = restricted_document()

    response = client.get(document.url)

    assert response.status_code == 302
    assert response["Location"].startswith(f"{reverse('account_login')}?next=")
    client.force_login(customer)
    assert b"".join(client.get(document.url).streaming_content) == PLAN


def test_a_password_restricted_document_asks_for_its_password(client, media_on_disk):
    document = restricted_document(CollectionViewRestriction.PASSWORD, password="rota-2026")

    response = client.get(document.url)

    assert response.status_code == 200
    assert b'name="password"' in response.content
    assert PLAN not in response.content
