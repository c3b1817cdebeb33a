"""Every response carries the Content-Security-Policy: scripts from our origin or with the
request's nonce, no plugins, no <base>, no framing except Wagtail's preview."""

import re

import pytest

from tests.helpcenter.factories import make_article

pytestmark = pytest.mark.django_db

SCRIPT_TAG = re.compile(r"<script(?P<attrs>[^>]*)>", re.I)


def policy(response):
    header = response["Content-Security-Policy"]
    directives = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


def nonce_of(response):
    (source,) = [s for s in policy(response)["script-src"] if s.startswith("'nonce-")]
    return source.removeprefix("'nonce-").removesuffix("'")


def inline_scripts(html):
    """The attributes of each `<script>` that runs code written in the page."""
    return [
        m["attrs"]
        for m in SCRIPT_TAG.finditer(html)
        if "src=" not in m["attrs"]
        and "application/json" not in m["attrs"]
        and "application/ld+json" not in m["attrs"]
    ]


@pytest.fixture
def article():
    return make_article()


def test_the_policy_is_strict_on_every_kind_of_page(client, customer, article, agent):
    answers = [client.get("/"), client.get(article.url), client.get("/api/v1/tickets/")]
    client.force_login(customer)
    answers.append(client.get("/tickets/"))
    client.force_login(agent)
    answers.append(client.get("/admin/"))

    for response in answers:
        csp = policy(response)
        assert csp["default-src"] == ["'self'"]
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'none'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" not in csp["script-src"]
        assert "'unsafe-eval'" not in csp["script-src"]


def test_the_help_center_runs_no_inline_script(client, article):
    for url in ("/", article.url, "/search/?q=refund"):
        response = client.get(url)
        assert inline_scripts(response.content.decode()) == [], url
        assert not any(s.startswith("'nonce-") for s in policy(response)["script-src"])


def test_wagtails_inline_scripts_in_the_editor_carry_the_requests_nonce(client, article):
    """Choosers, inline panels and date pickers start with inline scripts, some rendered by
    form widgets that see no request."""
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    html = response.content.decode()
    nonce = nonce_of(response)

    scripts = inline_scripts(html)
    assert len(scripts) >= 3
    assert all(f'nonce="{nonce}"' in attrs for attrs in scripts), scripts
    assert "new PageChooser(" in html and "initDateChooser(" in html and "InlinePanel(" in html
    assert nonce != nonce_of(client.get(f"/admin/pages/{article.pk}/edit/"))


def test_the_preview_may_be_framed_by_the_admin_alone(client, article, rf):
    """Wagtail renders the preview panel's page through the middleware with a dummy request,
    inside its preview view (whose X-Frame-Options says SAMEORIGIN)."""
    from tests.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    request = rf.get(f"/admin/pages/{article.pk}/edit/preview/")
    request.user = admin
    preview = article.make_preview_request(request, extra_request_attrs={"in_preview_panel": True})
    client.force_login(admin)
    edit = client.get(f"/admin/pages/{article.pk}/edit/")

    assert preview.status_code == 200
    assert policy(preview)["frame-ancestors"] == ["'self'"]
    assert policy(edit)["frame-ancestors"] == ["'none'"]


def test_the_api_docs_start_from_a_script_file_not_an_inline_script(client):
    page = client.get("/api/docs/")
    script = client.get("/api/docs/?script=")

    assert inline_scripts(page.content.decode()) == []
    assert '<script src="/api/docs/?script=' in page.content.decode()
    assert script["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle" in script.content
