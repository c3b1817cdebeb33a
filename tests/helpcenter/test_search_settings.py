"""The search backend comes from the environment: the database by default, or a search server."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("search_settings_probe.py")
SEARCH_VARS = ("SEARCH_BACKEND", "SEARCH_URL", "SEARCH_INDEX", "SEARCH_TIMEOUT", "SEARCH_OPTIONS")


def search_settings(**env):
    base = {k: v for k, v in os.environ.items() if k not in SEARCH_VARS}
    result = subprocess.run(
        [sys.executable, str(PROBE)],
        env={
            **base,
            "DJANGO_SETTINGS_MODULE": "supportsite.settings.dev",
            "PYTHONPATH": str(ROOT),
            **env,
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result


def test_default_is_the_database_backend():
    result = search_settings()

    assert json.loads(result.stdout.splitlines()[-1]) == {"BACKEND": "helpcenter.search_backends"}


def test_elasticsearch_or_opensearch_by_environment():
    result = search_settings(
        SEARCH_BACKEND="opensearch2",
        SEARCH_URL="https://search-1:9200,https://search-2:9200",
        SEARCH_INDEX="helpdesk",
        SEARCH_OPTIONS='{"verify_certs": false}',
    )

    assert json.loads(result.stdout.splitlines()[-1]) == {
        "BACKEND": "wagtail.search.backends.opensearch2",
        "URLS": ["https://search-1:9200", "https://search-2:9200"],
        "INDEX": "helpdesk",
        "TIMEOUT": 5,
        "OPTIONS": {"verify_certs": False},
    }


def test_an_unknown_backend_is_refused_with_a_clear_message():
    result = search_settings(SEARCH_BACKEND="solr")

    assert result.returncode != 0
    assert "SEARCH_BACKEND must be one of database, elasticsearch7" in result.stderr
