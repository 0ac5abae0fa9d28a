"""Settings shared by every environment. Every knob is read from the environment here;
``dev``, ``ci`` and ``production`` only set defaults or harden."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from .utils import config, load_project_dotenv

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/kennisnetwerk
load_project_dotenv()

# The checkout root when running from source; node_modules and the data folder live there.
PROJECT_DIR = Path(config("KENNISNETWERK_PROJECT_DIR", str(PACKAGE_DIR.parent.parent)))
DATA_DIR = Path(config("KENNISNETWERK_DATA_DIR", str(PROJECT_DIR / "data")))
NODE_MODULES_DIR = Path(config("KENNISNETWERK_NODE_MODULES", str(PROJECT_DIR / "node_modules")))

SECRET_KEY = config("SECRET_KEY")
DEBUG = config("DEBUG", False)
ALLOWED_HOSTS = config("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = config("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = config("SITE_URL", "http://127.0.0.1:8000")
NETWORK_NAME = config("NETWORK_NAME", "Kennisnetwerk Regionale Economie")

INSTALLED_APPS = [
    "kennisnetwerk.core",
    "kennisnetwerk.notifications",
    "kennisnetwerk.geo",
    "kennisnetwerk.accounts",
    "kennisnetwerk.ecosystem",
    "kennisnetwerk.search",
    "kennisnetwerk.outreach",
    "kennisnetwerk.needs",
    "kennisnetwerk.learning",
    "kennisnetwerk.community",
    "kennisnetwerk.agenda",
    "kennisnetwerk.monitoring",
    "kennisnetwerk.api",
    "kennisnetwerk.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "template_partials",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kennisnetwerk.core.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kennisnetwerk.accounts.middleware.StaffTwoFactorMiddleware",
]

ROOT_URLCONF = "kennisnetwerk.urls"
WSGI_APPLICATION = "kennisnetwerk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "kennisnetwerk.core.context_processors.platform",
            ],
            # The formatting filters (kn_money, kn_number, kn_date, kn_datetime, kn_count …)
            # are available in every template and mail without a {% load %}.
            "builtins": ["kennisnetwerk.core.templatetags.kn_format"],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = config("DATABASE_URL", f"sqlite:///{DATA_DIR / 'kennisnetwerk.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=config("DB_CONN_MAX_AGE", 0))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work side by side (web server plus task worker);
    # IMMEDIATE transactions avoid "database is locked" on lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            " PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Full-text search: "auto" picks SQLite FTS5 or PostgreSQL full-text search by the database.
SEARCH_BACKEND = config("SEARCH_BACKEND", "auto")

CACHES = {
    "default": {
        "BACKEND": config("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": config("CACHE_LOCATION", "kennisnetwerk"),
    }
}

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "core:home"
ACCOUNT_ADAPTER = "kennisnetwerk.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = config("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_FORMS = {"signup": "kennisnetwerk.accounts.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{NETWORK_NAME}] "
# Five failed log-ins for one e-mail address (or twenty from one IP address) within five
# minutes lock the door for that address.
ACCOUNT_RATE_LIMITS = {
    "login_failed": config("LOGIN_FAILED_RATE_LIMIT", "20/5m/ip,5/5m/key"),
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = NETWORK_NAME
# Staff (network facilitators and technical administrators) must use a second factor.
KENNISNETWERK_STAFF_REQUIRES_2FA = config("STAFF_REQUIRES_2FA", True)
INVITATION_VALID_DAYS = config("INVITATION_VALID_DAYS", 14)
# Entrepreneurs may create an account themselves; professionals always join by invitation.
ENTREPRENEUR_SIGNUP_OPEN = config("ENTREPRENEUR_SIGNUP_OPEN", True)

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(config("STATIC_ROOT", str(PROJECT_DIR / "staticfiles")))
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor/utrecht", NODE_MODULES_DIR / "@utrecht" / "component-library-css" / "dist"),
    ("vendor/utrecht-tokens", NODE_MODULES_DIR / "@utrecht" / "design-tokens" / "dist"),
    ("vendor/htmx", NODE_MODULES_DIR / "htmx.org" / "dist"),
    ("vendor/cytoscape", NODE_MODULES_DIR / "cytoscape" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": config(
            "STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(config("MEDIA_ROOT", str(DATA_DIR / "media")))
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = config("DATA_UPLOAD_MAX_MEMORY_SIZE", 10 * 1024 * 1024)

# --- Web server (``kennisnetwerk serve`` runs gunicorn) ---------------------------------------
# Worker processes and threads per process (gthread): a thread waits on the database or a
# polling client while the others answer. One process by default: the log-in rate limits live in
# the cache, which is per process unless CACHE_BACKEND is shared (docs/operations/scaling.md).
WEB_CONCURRENCY = config("WEB_CONCURRENCY", 1)
WEB_THREADS = config("WEB_THREADS", 8)
WEB_TIMEOUT = config("WEB_TIMEOUT", 60)  # seconds before a stuck worker is restarted
WEB_GRACEFUL_TIMEOUT = config("WEB_GRACEFUL_TIMEOUT", 10)  # seconds to finish requests on stop

# --- Digests (outreach) ---------------------------------------------------------------------
DIGEST_MAX_ITEMS = config("DIGEST_MAX_ITEMS", 8)  # the contact budget: items per digest
DIGEST_SEND_RATE = config("DIGEST_SEND_RATE", 0)  # mails per second at most; 0 = unlimited
DIGEST_SEND_HOUR = config("DIGEST_SEND_HOUR", 7)  # local hour from which the daily runs start
# Removal of subscribers no longer in use (docs/privacy.md): unconfirmed sign-ups after this
# many days, unsubscribed or undeliverable addresses after that many (their block stays).
SUBSCRIBER_UNCONFIRMED_DAYS = config("SUBSCRIBER_UNCONFIRMED_DAYS", 30)
SUBSCRIBER_RETENTION_DAYS = config("SUBSCRIBER_RETENTION_DAYS", 365)
# Outbox mails that are done with are removed after this many days, once none of their
# messages is still valid (the "never an item twice" check needs only those).
OUTBOX_RETENTION_DAYS = config("OUTBOX_RETENTION_DAYS", 60)

# --- DOE agenda -------------------------------------------------------------------------------
# An open action without a progress update for this many days is stale (the default of a new
# agenda; each agenda can set its own). Owners of overdue and stale actions get a reminder at
# most once per AGENDA_REMINDER_DAYS, from AGENDA_REMINDER_HOUR (local time) on.
AGENDA_STALE_DAYS = config("AGENDA_STALE_DAYS", 30)
AGENDA_REMINDER_DAYS = config("AGENDA_REMINDER_DAYS", 7)
AGENDA_REMINDER_HOUR = config("AGENDA_REMINDER_HOUR", 8)

# --- Learning together ------------------------------------------------------------------------
PRACTICE_ATTACHMENT_MAX_BYTES = config("PRACTICE_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)

# --- Conversations (community) -----------------------------------------------------------------
# How long after writing a post its author may still change it (the change is marked).
COMMUNITY_EDIT_MINUTES = config("COMMUNITY_EDIT_MINUTES", 30)
# At most this many files on one post (each through the upload rules of attachments).
COMMUNITY_MAX_ATTACHMENTS = config("COMMUNITY_MAX_ATTACHMENTS", 3)

# --- Inventory import (atlas) -----------------------------------------------------------------
# Larger files are refused while they arrive; uploads wait for confirmation in a folder that is
# never served.
INVENTORY_IMPORT_MAX_BYTES = config("INVENTORY_IMPORT_MAX_BYTES", 20 * 1024 * 1024)
INVENTORY_IMPORT_MAX_ROWS = config("INVENTORY_IMPORT_MAX_ROWS", 50_000)
INVENTORY_IMPORT_MAX_UNPACKED_BYTES = config(
    "INVENTORY_IMPORT_MAX_UNPACKED_BYTES", 500 * 1024 * 1024
)
SUBSCRIBER_IMPORT_STAGING_DIR = Path(
    config("SUBSCRIBER_IMPORT_STAGING_DIR", str(DATA_DIR / "private" / "subscriber-imports"))
)
INVENTORY_IMPORT_STAGING_DIR = Path(
    config("INVENTORY_IMPORT_STAGING_DIR", str(DATA_DIR / "private" / "inventory-imports"))
)

# --- Needs (vraag en aanbod) ----------------------------------------------------------------
NEEDS_IMPORT_STAGING_DIR = Path(
    config("NEEDS_IMPORT_STAGING_DIR", str(DATA_DIR / "private" / "survey-imports"))
)
# Questions the public intake form accepts from one address per hour.
NEEDS_INTAKE_MAX_PER_HOUR = config("NEEDS_INTAKE_MAX_PER_HOUR", 5)

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = config("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = config("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = config("EMAIL_PORT", 25)
EMAIL_HOST_USER = config("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = config("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = config("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = config("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = config("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = config("DEFAULT_FROM_EMAIL", f"{NETWORK_NAME} <noreply@kennisnetwerk.example>")
SERVER_EMAIL = config("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Background tasks -----------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": config("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Jobs with a progress page beat while they run; one whose worker (on another machine) has not
# beaten for JOB_STALE_SECONDS is marked failed (core/jobs.py).
JOB_HEARTBEAT_SECONDS = config("JOB_HEARTBEAT_SECONDS", 10)
JOB_STALE_SECONDS = config("JOB_STALE_SECONDS", 120)

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Logging --------------------------------------------------------------------------------
LOG_LEVEL = config("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"kennisnetwerk": {"level": LOG_LEVEL}},
}
