"""The test suite: fast hashing, mail kept in memory unless a test points it at an SMTP server."""

import os

# The test suite does not read .env: a run must not depend on a developer's local settings.

os.environ.setdefault("SECRET_KEY", "ci-only-not-secret-kennisnetwerk")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# Tasks run at once inside tests; one test runs the real database worker explicitly.
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
