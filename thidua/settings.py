"""Settings, read from environment variables with safe production defaults.

DEBUG is off unless THIDUA_DEBUG=true; outside DEBUG a SECRET_KEY must be given.
`make run` sets the development values; see .env.example for every variable.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, got {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("THIDUA_DEBUG", False)
SECRET_KEY = os.environ.get("THIDUA_SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "dev-only-insecure-key"  # noqa: S105 - development only
    else:
        raise ImproperlyConfigured("THIDUA_SECRET_KEY must be set when THIDUA_DEBUG is off")

ALLOWED_HOSTS = env_list("THIDUA_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("THIDUA_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # serves the API docs page's assets locally instead of from a CDN
    "django_tasks",
    "django_tasks_db",  # background jobs (certificates) kept in the database; `db_worker` runs them
    "thidua.core",
    "thidua.org",
    "thidua.records",
    "thidua.campaigns",
    "thidua.nominations",
    "thidua.council",
    "thidua.decisions",
    "thidua.portal",
    "thidua.participation",
    "thidua.statistics",
    "thidua.demo",
]

MIDDLEWARE = [
    "thidua.core.error_pages.DemoErrorPagesMiddleware",  # Vietnamese 404/500 also under DEBUG
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "thidua.org.account_auth.ForcePasswordChangeMiddleware",  # change on first sign-in
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "thidua.urls"
FORM_RENDERER = "thidua.core.form_renderer.Renderer"  # no "---------" in selects
WSGI_APPLICATION = "thidua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thidua.menu.menu",
            ],
        },
    },
]

DATA_DIR = Path(os.environ.get("THIDUA_DATA_DIR", PROJECT_DIR / "var"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'thidua.sqlite3'}"),
        conn_max_age=int(os.environ.get("THIDUA_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the dev server read while a command writes; the timeout avoids "database is locked".
    # IMMEDIATE: a transaction takes the write lock when it starts, so concurrent writers
    # wait for each other (up to the timeout) instead of failing midway.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's own validators, translated (LANGUAGE_CODE "vi"); the length message is ours.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "thidua.org.passwords.VietnameseMinimumLengthValidator",
        "OPTIONS": {"min_length": int(os.environ.get("THIDUA_PASSWORD_MIN_LENGTH", "10"))},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # an e-mailed link holds for one day
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = Path(os.environ.get("THIDUA_MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "/media/"  # never routed: uploaded files are served only through permission checks
# Uploaded dossier documents: largest accepted file, and the most an Office file may unpack to.
THIDUA_MAX_UPLOAD_BYTES = int(os.environ.get("THIDUA_MAX_UPLOAD_MB", "20")) * 1024 * 1024
THIDUA_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# Word templates that replace the built-in layout of a document (see thidua/core/rendering.py).
THIDUA_TEMPLATE_DIR = os.environ.get("THIDUA_TEMPLATE_DIR", str(DATA_DIR / "mau-van-ban"))
# The official national emblem (PNG or SVG) for certificates; a simplified drawing otherwise.
THIDUA_EMBLEM_IMAGE = os.environ.get("THIDUA_EMBLEM_IMAGE", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("THIDUA_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("THIDUA_LOG_LEVEL", "WARNING")},
}

# Reminders to units go by e-mail when a server is configured; in development they are printed.
EMAIL_BACKEND = os.environ.get(
    "THIDUA_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("THIDUA_EMAIL_HOST", "localhost")
# Links in e-mails (notifications, password reset) point here.
SITE_URL = os.environ.get("THIDUA_SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("THIDUA_EMAIL_FROM", "thidua@localhost")

# Background jobs: stored in the database, run by `thidua db_worker` (make run starts one).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("THIDUA_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# API tokens: how long a new token is valid unless its owner chooses otherwise (days).
THIDUA_API_TOKEN_DAYS = int(os.environ.get("THIDUA_API_TOKEN_DAYS", "90"))

# Login throttling (django-axes): after THIDUA_LOGIN_FAILURE_LIMIT wrong passwords for one
# account, or from one address, logins are refused (the right password too) for
# THIDUA_LOGIN_LOCKOUT_MINUTES after the last failure, or until an administrator unlocks them
# on /quan-tri/khoa-api/. Behind a reverse proxy, give AXES_IPWARE_* settings or make sure
# REMOTE_ADDR is the client's address, else every client shares the proxy's.
INSTALLED_APPS.append("axes")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last: it turns a lockout into its page
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("THIDUA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("THIDUA_LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each counted on its own
AXES_RESET_ON_SUCCESS = True  # a right password (when not locked) forgets earlier mistakes
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the lock ends on time, tries or not
AXES_LOCKOUT_CALLABLE = "thidua.org.lockout.lockout_response"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
