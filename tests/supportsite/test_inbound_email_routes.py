"""/anymail/ mounts the inbound webhook of INBOUND_EMAIL_PROVIDER alone (production's refusal to
start without its secret: test_settings.py)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .test_settings import PRODUCTION_ENV, ROOT, clean_env

ROUTES_PROBE = Path(__file__).with_name("routes_probe.py")
WITHOUT_SECRET = {k: v for k, v in PRODUCTION_ENV.items() if k != "ANYMAIL_WEBHOOK_SECRET"}


def start(settings_module, *paths, **env):
    return subprocess.run(
        [sys.executable, str(ROUTES_PROBE), *paths],
        env=clean_env(settings_module, **env),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def routes(*paths, settings_module="supportsite.settings.production", **env):
    """The view name each path resolves to; anything not under "anymail:" is no webhook."""
    result = start(settings_module, *paths, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def webhooks(*paths, **env):
    return {
        path: name for path, name in routes(*paths, **env).items() if name.startswith("anymail:")
    }


def test_production_with_inbound_email_off_starts_without_the_secret_and_mounts_no_webhook():
    paths = ("/anymail/postmark/inbound/", "/anymail/postmark/tracking/")

    assert webhooks(*paths, **WITHOUT_SECRET, INBOUND_EMAIL_PROVIDER="") == {}


def test_inbound_email_is_off_by_default_when_mail_goes_out_by_smtp():
    env = {**WITHOUT_SECRET, "EMAIL_PROVIDER": "smtp"}

    assert webhooks("/anymail/postmark/inbound/", "/anymail/smtp/inbound/", **env) == {}


def test_only_the_email_providers_inbound_webhook_is_mounted():
    env = {**PRODUCTION_ENV, "EMAIL_PROVIDER": "mailgun"}

    assert webhooks(
        "/anymail/mailgun/inbound/",
        "/anymail/mailgun/inbound_mime/",
        "/anymail/mailgun/tracking/",
        "/anymail/postmark/inbound/",
        "/anymail/sendgrid/inbound/",
        "/anymail/mandrill/",
        **env,
    ) == {
        "/anymail/mailgun/inbound/": "anymail:mailgun_inbound_webhook",
        "/anymail/mailgun/inbound_mime/": "anymail:mailgun_inbound_webhook",
    }


def test_inbound_email_provider_may_differ_from_the_sending_provider():
    env = {**PRODUCTION_ENV, "INBOUND_EMAIL_PROVIDER": "amazon_ses"}

    assert webhooks("/anymail/amazon_ses/inbound/", "/anymail/postmark/inbound/", **env) == {
        "/anymail/amazon_ses/inbound/": "anymail:amazon_ses_inbound_webhook"
    }


def test_a_provider_without_an_inbound_webhook_is_reported_by_name():
    result = start("supportsite.settings.dev", "/anymail/", INBOUND_EMAIL_PROVIDER="unisender_go")

    assert result.returncode != 0
    assert "INBOUND_EMAIL_PROVIDER is 'unisender_go', which has no inbound webhook" in (
        result.stderr
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/anymail/mailgun/inbound_mime/",
        "/anymail/mailgun/tracking/",
        "/anymail/postmark/tracking/",
        "/anymail/sendgrid/inbound/",
        "/anymail/mandrill/",
    ],
)
def test_every_other_anymail_path_is_a_404_not_an_error(client, path):
    # The test settings mount Postmark's inbound webhook (tests/tickets/test_email_intake.py).
    client.raise_request_exception = False

    assert client.post(path, data="{}", content_type="application/json").status_code == 404
