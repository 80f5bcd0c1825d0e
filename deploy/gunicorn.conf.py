"""gunicorn settings for Thi đua – Khen thưởng: `gunicorn -c deploy/gunicorn.conf.py thidua.wsgi`.
Every value can be overridden from the environment (GUNICORN_CMD_ARGS works too)."""

import multiprocessing
import os

bind = os.environ.get("THIDUA_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("THIDUA_WEB_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 9)))
threads = int(os.environ.get("THIDUA_WEB_THREADS", "1"))
timeout = int(os.environ.get("THIDUA_WEB_TIMEOUT", "60"))  # documents are built by the worker
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests, so a slow leak never grows for weeks.
max_requests = 2000
max_requests_jitter = 200
# The reverse proxy (nginx) on the same machine or network sets X-Forwarded-*.
forwarded_allow_ips = os.environ.get("THIDUA_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("THIDUA_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("THIDUA_LOG_LEVEL", "warning").lower()
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
proc_name = "thidua-web"
