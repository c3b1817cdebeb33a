"""gunicorn's settings for the production web process (`make serve`, Procfile.production).

gunicorn reads this file from the directory it starts in. Each value can be changed through the
environment without editing it: WEB_CONCURRENCY, PORT, WEB_BIND, WEB_TIMEOUT, FORWARDED_ALLOW_IPS.
docs/operations.md says how to size them.
"""

import os
import tempfile

# Sync workers, each one request at a time: the pages are CPU-bound Python, so twice the cores
# plus one keeps the cores busy while some workers wait on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))
bind = os.environ.get("WEB_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# A request taking longer than this is stuck: its worker is restarted.
timeout = int(os.environ.get("WEB_TIMEOUT", 30))
graceful_timeout = 30
# Behind a proxy that keeps connections to us open.
keepalive = 5
# Workers are replaced after this many requests (with jitter, not all at once), so a slow leak
# in any library never grows a worker without bound.
max_requests = 2000
max_requests_jitter = 200
# Only this proxy's X-Forwarded-* headers are believed (comma-separated addresses, or *).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# The workers' heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# One line per request on stdout: client, request line, status, bytes, milliseconds, referrer,
# user agent. Errors and worker events go to stderr.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'

# Prometheus (supportsite.metrics): every worker writes its samples to one directory, fresh for
# each start, and a scrape adds them up; a worker's are kept once it exits.
if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="supportsite-metrics-")


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
