"""Local development and ``make run``: debug on, mails printed unless SMTP is configured."""

import os

from .utils import load_project_dotenv

load_project_dotenv()

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-kennisnetwerk")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from .base import *  # noqa: E402,F403
