"""The curl session in docs/api.md works as written, against a live test server."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import AgentFactory, CategoryFactory, CustomerFactory, OrderFactory

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
DEMO_PASSWORD = "demo-pass-123"  # noqa: S105 - the demo accounts' documented password


@pytest.mark.skipif(not shutil.which("curl"), reason="needs curl")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_documented_curl_session_works(live_server, tmp_path):
    customer = CustomerFactory(email="customer@example.com")
    agent = AgentFactory(email="agent@example.com")
    for user in (customer, agent):
        user.set_password(DEMO_PASSWORD)
        user.save()
    OrderFactory(customer=customer, number="LT-10420")
    CategoryFactory(name="Order issue")
    blocks = re.findall(r"```sh\n(.*?)```", DOC.read_text(), re.DOTALL)
    script = "set -eu\n" + "\n".join(blocks).replace(
        "BASE=http://127.0.0.1:8000", f"BASE={live_server.url}"
    )

    result = subprocess.run(
        ["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert '"email":"customer@example.com"' in out
    assert '"comment":"Here is the delivery note."' in out
    assert '"name":"note.txt"' in out
    assert re.search(r'\{"count":1,"next":null,"previous":null,"results":\[\{"id":\d+,', out)
    assert '"code":"invalid","errors":{"priority_justification"' in out
    assert '"is_internal":true' in out
    assert '"status":"resolved"' in out
    assert '"allowed_transitions":["in_progress","closed"]' in out
    assert '"by_status":' in out
