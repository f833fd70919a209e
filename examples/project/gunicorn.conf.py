"""gunicorn settings; every value can be overridden from the environment."""

# --8<-- [start:gunicorn]
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")  # only nginx talks to us
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"  # one request at a time per worker process
timeout = 30  # a worker silent this long is killed and replaced
graceful_timeout = 30
max_requests = 1000  # replace workers now and then (guards against slow memory leaks)
max_requests_jitter = 100
accesslog = "-"  # to stdout: the service manager or container runtime collects it
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# --8<-- [end:gunicorn]
