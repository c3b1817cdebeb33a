"""The Wagtail Site follows SITE_URL (migration, seed_demo, a system check), so the sitemap,
canonical links, JSON-LD and robots.txt point at the real site, not at http://localhost."""

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Site

from helpcenter.demo import seed_help_center
from supportsite.site_address import check_default_site, follow_site_url, site_address
from tests.helpcenter.factories import make_article, make_topic

pytestmark = pytest.mark.django_db

REAL = "https://help.example.com"


def default_site():
    return Site.objects.get(is_default_site=True)


def test_the_migrated_site_is_at_site_url():
    assert default_site().root_url == settings.SITE_URL


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("https://help.example.com", ("help.example.com", 443)),
        ("http://help.example.com/", ("help.example.com", 80)),
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
    ],
)
def test_site_address_is_site_urls_host_and_port(url, address):
    assert site_address(url) == address


def test_seed_demo_moves_the_site_to_site_url(settings):
    settings.SITE_URL = REAL

    seed_help_center()

    site = default_site()
    assert (site.hostname, site.port, site.root_url) == ("help.example.com", 443, REAL)
    assert not follow_site_url(Site)  # already there: nothing to save


def test_the_sitemap_and_json_ld_use_the_real_address(client, settings):
    settings.SITE_URL = REAL
    follow_site_url(Site)
    article = make_article(make_topic())

    sitemap = client.get("/sitemap.xml").content.decode()
    html = client.get(article.url).content.decode()

    assert f"<loc>{REAL}{article.url}</loc>" in sitemap
    assert "localhost" not in sitemap
    assert f'"url": "{REAL}{article.url}"' in html


def test_the_check_warns_when_the_site_is_elsewhere(settings):
    assert check_default_site() == []

    settings.SITE_URL = REAL
    (warning,) = check_default_site()

    assert warning.id == "supportsite.W001"
    assert REAL in warning.msg and settings.SITE_URL in warning.msg


def test_the_check_warns_about_https_on_a_port_wagtail_cannot_express(settings):
    settings.SITE_URL = "https://help.example.com:8443"
    follow_site_url(Site)

    (warning,) = check_default_site()

    assert "http://help.example.com:8443" in warning.msg


def test_the_check_runs_with_the_database_checks(settings):
    settings.SITE_URL = REAL

    with pytest.raises(Exception, match="supportsite.W001"):
        call_command("check", databases=["default"], fail_level="WARNING")


def test_pages_name_their_canonical_address(client, settings):
    settings.SITE_URL = REAL
    follow_site_url(Site)
    topic = make_topic()
    article = make_article(topic)

    for url in ("/", topic.url, article.url, f"{topic.url}?page=2"):
        html = client.get(url).content.decode()
        canonical = f'<link rel="canonical" href="{REAL}{url.split("?")[0]}">'
        assert html.count('rel="canonical"') == 1, url
        assert canonical in html, url


def test_other_public_views_name_their_path_without_the_query(client, settings):
    settings.SITE_URL = REAL

    html = client.get("/search/?q=refund").content.decode()

    assert f'<link rel="canonical" href="{REAL}/search/">' in html


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_private_areas(client, settings):
    settings.SITE_URL = REAL

    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Sitemap: {REAL}/sitemap.xml" in lines
    for private in ("/admin/", "/accounts/", "/tickets/", "/orders/", "/notifications/"):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /" not in lines
