"""Load the main pages over HTTP: gunicorn with the production settings, driven by wrk.

    DATABASE_URL=postgres://…/supportsite_bench python bench/http_load.py --duration 15

On the database bench/generate_tickets.py filled, as the benchmark customer and agent (sessions
made through the ORM, sent in production's __Host- cookies): the portal's list and a ticket page,
the contact form opening a ticket, the agents' queue, its search by number, a ticket in the
workspace and an agent's reply. Each page runs for --duration seconds on --connections
connections after a few seconds' warm-up. A response counts as good only when it is what a
browser would get: 200 for a page, the landing page for a sent contact form, a redirect for a
sent reply (a refused form is a 200 showing it again; a rate limit a 429).

The requests come as through the TLS proxy production expects (X-Forwarded-Proto: https,
X-Forwarded-For), so the SSL redirect stays on. The rate limits: the client address is read from
X-Forwarded-For (RATELIMIT_IP_META_KEY, docs/operations.md), each contact form from its own
address; the hourly limit of new tickets per customer has no setting (tickets/limits.py), so
each contact form comes from a customer of its own for at most LIMIT_USES of them. Agents'
replies have no limit. Each reply answers a ticket of its own, as its form's "seen" version
(tickets.admin.views.version_of) would conflict with an earlier reply's.

Prints a markdown table (requests/s, latency percentiles, bad responses, socket errors) and each
gunicorn worker's peak memory (VmHWM); --json writes the figures too.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import secrets  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

HOST = "localhost"
ORIGIN = f"https://{HOST}"
BENCH_CUSTOMER = "bench.customer@example.com"
AGENT = "agent@bench.example.com"
QUEUE = "/admin/snippets/tickets/ticket/"
CONTACT_SLUG = "bench-contact"
# A contact form sent redirects to its thank-you page, naming the new ticket.
CONTACT_SENT = "?sent="
# Contact forms sent by one customer: fewer than the hourly limit (limits.NEW_TICKETS_PER_HOUR).
LIMIT_USES = 9
ROTATION = 500  # tickets the pages that show one take turns on


def production_environment(args):
    """What supportsite/settings/production.py requires, and the benchmark's choices."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    env = {
        "DJANGO_SETTINGS_MODULE": "supportsite.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": ORIGIN,
        "EMAIL_PROVIDER": "console",
        "JWT_PRIVATE_KEY": pem,
        "INBOUND_EMAIL_PROVIDER": "",
        "RATELIMIT_IP_META_KEY": "HTTP_X_FORWARDED_FOR",
        "LOG_LEVEL": "WARNING",
    }
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    return env


@dataclass
class Page:
    """One benchmarked page: the requests wrk takes turns on, and what a good answer is."""

    name: str
    requests: list  # (method, path, cookie, body, client address)
    expect: str = "200"  # "200", "302" or text the 200 page must hold
    check: str = ""  # text the first answer must hold (checked before the load)
    location: str = ""  # what the first answer's redirect must lead to
    consumed: bool = False  # each request may be sent once (a POST): warm-up takes its own
    results: dict = field(default_factory=dict)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=15, help="seconds per page")
    parser.add_argument("--warmup", type=int, default=5, help="seconds per page before timing")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--workers", type=int, help="gunicorn workers (gunicorn.conf.py's)")
    parser.add_argument(
        "--max-rate",
        type=int,
        default=250,
        help="POSTs per second the one-use requests (replies, contact forms) are made for",
    )
    parser.add_argument("--redis-url", help="Redis for the cache, as production uses it if set")
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL to the database bench/generate_tickets.py filled.")

    env = production_environment(args)
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    print("Settings: supportsite.settings.production, gunicorn.conf.py; the cache:", cache_name())
    print(
        "Rate limits: client addresses from X-Forwarded-For (RATELIMIT_IP_META_KEY); no "
        "setting raises the hourly new-ticket limit per customer, so each contact form comes "
        f"from a customer of its own for at most {LIMIT_USES} forms."
    )
    print("collectstatic (as `make serve` does)…", flush=True)
    call_command("collectstatic", interactive=False, verbosity=0)
    # The database cache's table, which the migrations made only if that was the cache then.
    call_command("createcachetable", verbosity=0)
    with tempfile.TemporaryDirectory(prefix="bench-http-") as workdir:
        pages = build_pages(args)
        server = Server(env, args.workers, Path(workdir))
        try:
            server.start()
            for page in pages:
                run_page(page, args, server, Path(workdir))
            memory = server.memory()
        finally:
            server.stop()
    report(pages, memory, args)


def cache_name():
    from django.conf import settings

    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


PAGES = {
    "list": "portal: ticket list",
    "ticket": "portal: ticket page",
    "contact": "portal: contact form sent",
    "queue": "queue",
    "search": "queue: search by number",
    "workspace": "agent: ticket view",
    "reply": "agent: reply sent",
}


def build_pages(args):
    """The requests of each page chosen, made from the database (with a session per user)."""
    from accounts.models import User
    from tickets.admin.views import version_of
    from tickets.choices import Status
    from tickets.models import Category, Ticket

    customer = User.objects.get(email=BENCH_CUSTOMER)
    agent = User.objects.get(email=AGENT)
    as_customer, as_agent = login(customer), login(agent)
    numbers = list(
        Ticket.objects.filter(customer=customer)
        .order_by("-pk")
        .values_list("number", flat=True)[:ROTATION]
    )
    count = Ticket.objects.count()
    spread = list(
        Ticket.objects.order_by("pk").values_list("pk", "number")[:: max(1, count // ROTATION)]
    )
    pool = (args.warmup + args.duration) * args.max_rate + 1

    def get(paths, cookie, check):
        return {"requests": [("GET", p, cookie, None, None) for p in paths], "check": check}

    def contact():
        form = {
            "subject": "Benchmark: my order never came",
            "description": "Ordered two cases of limes last week; nothing has arrived yet.",
            "category": Category.objects.order_by("pk").first().pk,
            "priority": "",
        }
        return {
            "requests": contact_requests(contact_page(), form, pool),
            "expect": "302",
            "location": CONTACT_SENT,
            "consumed": True,
        }

    def reply():
        form = {"action": "reply", "kind": "reply", "body": "Thanks, we are looking into it."}
        tickets = Ticket.objects.exclude(status=Status.CLOSED).order_by("-pk")[:pool]
        return {
            "requests": [
                ("POST", f"{QUEUE}edit/{t.pk}/", as_agent, {**form, "seen": version_of(t)}, None)
                for t in tickets
            ],
            "expect": "302",
            "consumed": True,
        }

    builders = {
        "list": lambda: get(["/tickets/"], as_customer, numbers[0]),
        "ticket": lambda: get(
            [f"/tickets/{n}/" for n in numbers], as_customer, "Message 4 on this ticket"
        ),
        "contact": contact,
        "queue": lambda: get([QUEUE], as_agent, "TKTB"),
        "search": lambda: get([f"{QUEUE}?q={n}" for _pk, n in spread], as_agent, spread[0][1]),
        "workspace": lambda: get(
            [f"{QUEUE}edit/{pk}/" for pk, _n in spread], as_agent, "Message 3 on this ticket"
        ),
        "reply": reply,
    }
    return [Page(PAGES[key], **builders[key]()) for key in args.pages]


def login(user):
    """A signed-in session for the user, as Django's login() makes it: its cookies."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.utils.crypto import get_random_string

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    csrf = get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS)
    return Cookie(
        f"{settings.SESSION_COOKIE_NAME}={session.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}",
        csrf,
    )


@dataclass
class Cookie:
    header: str
    csrf: str


def contact_page():
    """The benchmark's own contact page (no extra fields), under the help center's home."""
    from helpcenter.models import HomePage
    from helpcenter.models.contact import ContactPage

    page = ContactPage.objects.filter(slug=CONTACT_SLUG).first()
    if page is None:
        home = HomePage.objects.first()
        page = home.add_child(
            instance=ContactPage(title="Contact us (benchmark)", slug=CONTACT_SLUG)
        )
    return page


def contact_requests(page, form, count):
    """`count` contact forms from new customers, LIMIT_USES each, each from its own address."""
    from django.contrib.auth.models import Group

    from accounts.models import User
    from accounts.roles import CUSTOMERS

    run = secrets.token_hex(4)
    people = User.objects.bulk_create(
        [
            User(email=f"http-{run}-{n}@bench.example.com", name=f"HTTP {n}", password="!")
            for n in range(-(-count // LIMIT_USES))
        ]
    )
    Group.objects.get(name=CUSTOMERS).user_set.add(*people)
    requests = []
    for person in people:
        cookie = login(person)
        # A private address of the customer's own: user ids are never reused.
        address = ".".join(
            str(b) for b in (10, person.pk >> 16 & 255, person.pk >> 8 & 255, person.pk & 255)
        )
        requests += [("POST", page.url, cookie, form, address)] * LIMIT_USES
    return requests[:count]


class Server:
    """gunicorn in a process group of its own, killed at the end whatever happens."""

    def __init__(self, env, workers, workdir):
        self.env = {**os.environ, **env}
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.env["WEB_BIND"] = f"127.0.0.1:{self.port}"
        if workers:
            self.env["WEB_CONCURRENCY"] = str(workers)
        metrics = workdir / "metrics"
        metrics.mkdir()
        self.env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics)
        self.log_path = workdir / "gunicorn.log"
        self.process = None
        self.peaks = {}  # worker pid: its VmHWM in kB, the largest read
        self.sampling = threading.Event()

    def start(self):
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "supportsite.wsgi"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn stopped at start:\n{self.log_tail()}")
            try:
                status, _headers, _body = self.request("GET", "/healthz")
                if status == 200 and len(self.workers()) >= self.expected_workers():
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            sys.exit(f"/healthz did not answer 200 within 90 s:\n{self.log_tail()}")
        print(f"gunicorn on port {self.port} with {len(self.workers())} workers.", flush=True)
        threading.Thread(target=self.sample, daemon=True).start()

    def expected_workers(self):
        return int(self.env.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))

    def request(self, method, path, headers=None, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read().decode()
        finally:
            connection.close()

    def workers(self):
        pid = self.process.pid
        try:
            return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []

    def sample(self):
        """Every worker's peak memory, read twice a second: workers are replaced after
        gunicorn.conf.py's max_requests, and a replaced worker's peak counts too."""
        while not self.sampling.wait(0.5):
            self.read_peaks()

    def read_peaks(self):
        for pid in self.workers():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    self.peaks[pid] = max(self.peaks.get(pid, 0), int(line.split()[1]))

    def memory(self):
        self.read_peaks()
        alive = self.workers()
        return {
            "workers_at_end_mb": {pid: round(self.peaks.get(pid, 0) / 1024) for pid in alive},
            "largest_mb": round(max(self.peaks.values(), default=0) / 1024),
            "workers_seen": len(self.peaks),
        }

    def log_tail(self, lines=30):
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self):
        self.sampling.set()
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=35)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def headers_and_body(method, path, cookie, body, address):
    headers = {
        "Host": HOST,
        "X-Forwarded-Proto": "https",
        "X-Forwarded-For": address or "127.0.0.1",
        "Cookie": cookie.header,
        "User-Agent": "bench/http_load.py",
        "Accept": "text/html",
    }
    if body is None:
        return headers, None
    headers.update(
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": ORIGIN,
            "Referer": ORIGIN + path,
        }
    )
    return headers, urlencode({"csrfmiddlewaretoken": cookie.csrf, **body})


def lua_string(value):
    assert value.isascii(), value
    return json.dumps(value)


LUA = """
local items = {%(items)s}
local expect = %(expect)s
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("first", #threads)
end

function init(args)
  step = tonumber(args[1])
  index = first
  bad = 0
  statuses = {}
end

function request()
  local item = items[(index - 1) %% #items + 1]
  index = index + step
  return wrk.format(item[1], item[2], item[3], item[4])
end

function response(status, headers, body)
  local good
  if expect == "200" then
    good = status == 200
  elseif expect == "302" then
    good = status == 302
  else
    good = status == 200 and string.find(body or "", expect, 1, true) ~= nil
  end
  if not good then
    bad = bad + 1
    statuses[tostring(status)] = (statuses[tostring(status)] or 0) + 1
  end
end

function done(summary, latency, requests)
  local bad, statuses, parts = 0, {}, {}
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("bad")
    for status, count in pairs(thread:get("statuses")) do
      statuses[status] = (statuses[status] or 0) + count
    end
  end
  for status, count in pairs(statuses) do
    table.insert(parts, string.format('"%%s": %%d', status, count))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %%d, "duration_us": %%d, "bad": %%d, "bad_statuses": {%%s}, ' ..
    '"non_2xx_3xx": %%d, "socket_errors": %%d, "timeouts": %%d, ' ..
    '"p50_us": %%d, "p95_us": %%d, "p99_us": %%d, "max_us": %%d}\\n',
    summary.requests, summary.duration, bad, table.concat(parts, ", "),
    e.status, e.connect + e.read + e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def lua_script(page, requests, path):
    items = []
    for method, url, cookie, body, address in requests:
        headers, data = headers_and_body(method, url, cookie, body, address)
        pairs = ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items())
        body_literal = lua_string(data) if data is not None else "nil"
        items.append(f"{{{lua_string(method)}, {lua_string(url)}, {{{pairs}}}, {body_literal}}}")
    path.write_text(LUA % {"items": ",\n".join(items), "expect": lua_string(page.expect)})
    return path


def preflight(page, server):
    """One request before the load: the page answers as it should, and shows what it must."""
    method, url, cookie, body, address = page.requests[0]
    headers, data = headers_and_body(method, url, cookie, body, address)
    status, response_headers, text = server.request(method, url, headers, data)
    if page.expect.isdigit():
        good = status == int(page.expect)
    else:
        good = status == 200 and page.expect in text
    if not (good and page.check in text and page.location in response_headers.get("Location", "")):
        sys.exit(
            f"{page.name}: {method} {url} answered {status} "
            f"{response_headers.get('Location', '')} (expected {page.expect}"
            f"{', showing ' + repr(page.check) if page.check else ''}):\n{text[:1500]}\n"
            f"{server.log_tail()}"
        )


def wrk(script, seconds, args, server):
    threads = min(args.threads, args.connections)
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={args.connections}",
        f"--duration={seconds}s",
        "--timeout=30s",
        f"--script={script}",
        f"http://127.0.0.1:{server.port}/",
        "--",
        str(threads),
    ]
    finished = subprocess.run(command, capture_output=True, text=True)
    output = finished.stdout
    if finished.returncode:
        raise RuntimeError(f"wrk failed ({finished.returncode}):\n{output}\n{finished.stderr}")
    for line in output.splitlines():
        if line.startswith("BENCH_RESULT "):
            return json.loads(line.removeprefix("BENCH_RESULT "))
    raise RuntimeError(f"wrk printed no result:\n{output}")


def run_page(page, args, server, workdir):
    print(f"{page.name}…", flush=True)
    preflight(page, server)
    requests = page.requests[1:] if page.consumed else page.requests
    warm = args.warmup * args.max_rate if page.consumed else 0
    slug = "".join(c if c.isalnum() else "-" for c in page.name)
    if args.warmup:
        wrk(
            lua_script(page, requests[:warm] or requests, workdir / f"{slug}-warm.lua"),
            args.warmup,
            args,
            server,
        )
    timed = requests[warm:]
    result = wrk(lua_script(page, timed, workdir / f"{slug}.lua"), args.duration, args, server)
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["pool_exhausted"] = page.consumed and result["requests"] > len(timed)
    page.results = result


def report(pages, memory, args):
    print(
        f"\n{args.connections} connections, {args.duration} s per page after {args.warmup} s of "
        "warm-up. Bad: not what a browser should get (any other status; for a sent form, "
        "the form shown again)."
    )
    columns = ["page", "req/s", "p50 ms", "p95 ms", "p99 ms", "requests", "bad", "non-2xx/3xx"]
    columns.append("socket errors")
    print("\n| " + " | ".join(columns) + " |")
    print("|" + " --- |" * len(columns))
    for page in pages:
        r = page.results
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(r["bad_statuses"].items()))
        bad = f"{r['bad']} ({statuses})" if r["bad"] else "0"
        socket_errors = r["socket_errors"] + r["timeouts"]
        print(
            f"| {page.name} | {r['rps']:.0f} | {r['p50_us'] / 1000:.1f} | "
            f"{r['p95_us'] / 1000:.1f} | {r['p99_us'] / 1000:.1f} | {r['requests']} | {bad} | "
            f"{r['non_2xx_3xx']} | {socket_errors} |"
        )
    exhausted = [p.name for p in pages if p.results.get("pool_exhausted")]
    if exhausted:
        print(f"\nMore POSTs than prepared (raise --max-rate): {', '.join(exhausted)}")
    at_end = ", ".join(f"{mb} MB" for mb in memory["workers_at_end_mb"].values())
    print(
        f"\nWorkers' peak memory (VmHWM) at the end: {at_end}; the largest of the "
        f"{memory['workers_seen']} workers seen: {memory['largest_mb']} MB."
    )
    if args.json:
        figures = {
            "connections": args.connections,
            "duration": args.duration,
            "pages": {page.name: page.results for page in pages},
            "memory": memory,
        }
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
