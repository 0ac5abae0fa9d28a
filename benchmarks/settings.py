"""Django settings of the benchmarks (``benchmarks/run.py`` selects them).

The CI settings (fast password hashing, nothing read from a developer's .env is relied on),
with the database from ``DATABASE_URL`` (a fresh one per run, set by the runner), a URLconf
that adds the minimal view the pages are compared with, and background tasks queued in the
database as in production (not run inside the request or command that queues them).
"""

from kennisnetwerk.conf.ci import *  # noqa: F403

DEBUG = False
# 127.0.0.1: the community benchmark polls `kennisnetwerk serve` over HTTP.
ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
ROOT_URLCONF = "benchmarks.urls"
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
