"""Wagtail's admin works under the site's Content-Security-Policy: every kind of admin page is
opened as a superuser over the demo data, with the editors' widgets (choosers, date pickers,
inline panels, the preview) in use, and any violation fails the test (tests/browser/conftest.py).
"""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Page

from accounts.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Links not to follow: they end the session, start a download, or act on the rows a list
# selects (bulk actions, which a script opens with the chosen ids).
SKIP = re.compile(
    r"/logout/|/admin/bulk/|/login/|export=|/download/|\.(csv|xlsx|pdf|zip|png|jpe?g)$"
)


@pytest.fixture
def demo(settings):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def sign_in_as_superuser(page):
    page.goto("/admin/login/")
    page.get_by_label("Email").fill("admin@example.com")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def kind_of(url):
    """One admin page of each kind: numbers in the path stand for any object."""
    return re.sub(r"/\d+(?=/|$)", "/N", urlsplit(url).path)


def admin_links(page, base):
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    for href in hrefs:
        url = urljoin(page.url, href).split("#")[0]
        if url.startswith(base + "/admin/") and not SKIP.search(url):
            yield url


def test_every_kind_of_admin_page_keeps_to_the_policy(page, live_server, demo, csp_violations):
    sign_in_as_superuser(page)
    base = live_server.url
    editors = [
        f"{base}/admin/pages/{Page.objects.filter(content_type=ct).first().pk}/edit/"
        for ct in Page.objects.exclude(depth=1).values_list("content_type", flat=True).distinct()
    ]
    queue, seen = [f"{base}/admin/", *editors], set()
    while queue:
        url = queue.pop(0)
        if url in editors:
            kind = urlsplit(url).path  # each page type's editor, not one for all
        else:
            kind = kind_of(url)
        if kind in seen:
            continue
        seen.add(kind)
        response = page.goto(url)
        assert response.status < 400, f"{url} answered {response.status}"
        queue.extend(admin_links(page, base))

    assert len(seen) > 80, sorted(seen)
    assert csp_violations == []


def test_the_page_editor_widgets_and_preview_keep_to_the_policy(page, demo, csp_violations):
    """The article editor starts an inline panel, page and snippet choosers and a date picker
    with inline scripts (Wagtail's), which carry the request's nonce; a new related article's
    form and the chooser's modal bring more; the preview panel is framed by the editor."""
    sign_in_as_superuser(page)
    article = Page.objects.get(slug="refunds-and-credits")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    expect(page.locator("input[name=review_by]")).to_have_count(1)
    page.get_by_role("button", name="Add related article").click()
    page.get_by_role("button", name="Choose a page").last.click()
    modal = page.get_by_role("dialog")
    expect(modal.get_by_role("heading", name="Choose Article")).to_be_visible()
    modal.get_by_role("row", name=re.compile("^Delivery")).get_by_role(
        "link", name="Explore"
    ).click()
    modal.get_by_role("link", name="Delivery windows explained").click()
    expect(modal).to_have_count(0)
    expect(page.locator("#id_related_links-2-article-title")).to_have_text(
        "Delivery windows explained"
    )

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe[title='Preview']").last
    expect(preview.get_by_role("heading", level=1)).to_have_text(article.title)

    assert csp_violations == []
