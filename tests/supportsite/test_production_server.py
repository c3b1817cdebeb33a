"""The production web process: after a first deploy's one `migrate`, gunicorn (gunicorn.conf.py)
with production settings answers over HTTP, one access-log line per request, and its
Prometheus metrics add up every worker's."""

import json
import socket
import subprocess
import sys
import time
import urllib.request

from tests.supportsite.test_settings import PRODUCTION_ENV, ROOT, clean_env


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"nothing listens on port {port}")


def test_gunicorn_serves_production_settings_after_only_migrate(tmp_path):
    port = free_port()
    env = clean_env(
        "supportsite.settings.production",
        **PRODUCTION_ENV,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        WEB_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
        METRICS_TOKEN="scrape-token",
    )
    migrate = [sys.executable, "manage.py", "migrate", "--no-input"]
    subprocess.run(migrate, env=env, cwd=ROOT, check=True, capture_output=True)

    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "supportsite.wsgi"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(port)
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/healthz", headers={"Host": "help.example.com"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            status, body = response.status, json.loads(response.read())
        scrape = urllib.request.Request(
            f"http://127.0.0.1:{port}/metrics",
            headers={"Host": "help.example.com", "Authorization": "Bearer scrape-token"},
        )
        with urllib.request.urlopen(scrape, timeout=30) as response:
            metrics = response.read().decode()
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)

    assert status == 200, err
    # The database cache and the task queue's table came with `migrate` alone.
    assert body == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "tasks": "ok"}}
    access = [line for line in out.splitlines() if "/healthz" in line]
    assert len(access) == 1, out
    assert '"GET /healthz HTTP/1.1" 200' in access[0]
    # Whichever worker Prometheus asks adds up every worker's samples.
    assert 'supportsite_request_duration_seconds_count{method="GET",view="healthz"} 1.0' in metrics
    assert "Booting worker" in err and err.count("Booting worker") == 2
