"""Production: everything from the environment, hardened. SECRET_KEY has no default here."""

import os

from .utils import load_project_dotenv

load_project_dotenv()

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault(
    "STATICFILES_STORAGE", "whitenoise.storage.CompressedManifestStaticFilesStorage"
)

from .base import *  # noqa: E402,F403
from .utils import config  # noqa: E402

DEBUG = False
SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = config("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
