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
# The example key of .env.example (and anything starting like it) is refused: a copied example
# file must not become a production secret.
PLACEHOLDER_SECRET_KEYS = ("change-me", "dev-only-insecure-key")
SECRET_KEY = os.environ.get("THIDUA_SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "dev-only-insecure-key"  # noqa: S105 - development only
    else:
        raise ImproperlyConfigured("THIDUA_SECRET_KEY must be set when THIDUA_DEBUG is off")
elif not DEBUG and SECRET_KEY.startswith(PLACEHOLDER_SECRET_KEYS):
    raise ImproperlyConfigured(
        "THIDUA_SECRET_KEY is the example placeholder: generate a real key, e.g. "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env_list("THIDUA_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
if not ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured(
        "THIDUA_ALLOWED_HOSTS must name the host(s) this server answers for, "
        "e.g. THIDUA_ALLOWED_HOSTS=thidua.example.gov.vn"
    )
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
    "django_otp",  # two-factor authentication: TOTP devices and recovery codes (org/twofactor.py)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
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
    "django.middleware.security.SecurityMiddleware",
    "thidua.security.ContentSecurityPolicyMiddleware",
    "thidua.core.error_pages.DemoErrorPagesMiddleware",  # Vietnamese 404/500 also under DEBUG
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "thidua.org.twofactor_middleware.TwoFactorMiddleware",
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
        # Persistent connections in production (a new connection per request doubles the cost
        # of a page on PostgreSQL), checked before reuse so a restarted database costs at most
        # the requests in flight.
        conn_max_age=int(os.environ.get("THIDUA_DB_CONN_MAX_AGE", "0" if DEBUG else "60")),
        conn_health_checks=True,
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
STATIC_ROOT = Path(os.environ.get("THIDUA_STATIC_ROOT", DATA_DIR / "static"))
MEDIA_ROOT = Path(os.environ.get("THIDUA_MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "/media/"  # never routed: uploaded files are served only through permission checks
# Uploaded dossier documents: largest accepted file, and the most an Office file may unpack to.
THIDUA_MAX_UPLOAD_BYTES = int(os.environ.get("THIDUA_MAX_UPLOAD_MB", "20")) * 1024 * 1024
THIDUA_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# Word templates that replace the built-in layout of a document (see thidua/core/rendering.py).
THIDUA_TEMPLATE_DIR = os.environ.get("THIDUA_TEMPLATE_DIR", str(DATA_DIR / "mau-van-ban"))
# The official national emblem (PNG or SVG) for certificates; a simplified drawing otherwise.
THIDUA_EMBLEM_IMAGE = os.environ.get("THIDUA_EMBLEM_IMAGE", "")
# Uploaded files: the local disk (THIDUA_MEDIA_ROOT) by default, or S3-compatible object storage
# when several web and worker machines share the files (THIDUA_S3_BUCKET and its companions).
S3_BUCKET = os.environ.get("THIDUA_S3_BUCKET", "")
if S3_BUCKET:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("THIDUA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("THIDUA_S3_REGION") or None,
            "access_key": os.environ.get("THIDUA_S3_ACCESS_KEY") or None,
            "secret_key": os.environ.get("THIDUA_S3_SECRET_KEY") or None,
            "location": os.environ.get("THIDUA_S3_PREFIX", ""),
            "default_acl": None,  # private objects; files are served only through scope checks
            "querystring_auth": True,
            "file_overwrite": False,
            "addressing_style": os.environ.get("THIDUA_S3_ADDRESSING_STYLE") or None,
            "signature_version": "s3v4",
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


# Digital signatures (docs/ky-so.md): the PKCS#12 files of the signers and agencies live here,
# outside MEDIA_ROOT (never served); their passphrases come from environment variables named
# on each key. Trust roots: the PEM files listed in THIDUA_SIGNING_TRUST_ROOTS, else every
# *.pem in <signing dir>/tin-cay (the demo writes its test CA there). A timestamp authority
# is asked when THIDUA_TSA_URL is set.
THIDUA_SIGNING_DIR = Path(os.environ.get("THIDUA_SIGNING_DIR", DATA_DIR / "ky-so"))
THIDUA_SIGNING_TRUST_ROOTS = env_list("THIDUA_SIGNING_TRUST_ROOTS")
# The PKCS#11 module of the signing tokens (USB token driver, HSM), for keys that name none.
THIDUA_PKCS11_MODULE = os.environ.get("THIDUA_PKCS11_MODULE", "")
THIDUA_TSA_URL = os.environ.get("THIDUA_TSA_URL", "")
STORAGES = {
    "default": DEFAULT_STORAGE,
    # Hashed, compressed names after `collectstatic`, served by WhiteNoise with far-future
    # caching; before collectstatic (development, bench) the plain names from the app folders.
    "staticfiles": {
        "BACKEND": "thidua.staticfiles.HashedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

# HTTPS behind a reverse proxy (nginx): secure cookies, redirect to https, HSTS. THIDUA_HTTPS=false
# only for a server reached over plain http (a closed test network, the bench).
HTTPS = env_bool("THIDUA_HTTPS", env_bool("THIDUA_SECURE_COOKIES", not DEBUG))
SECURE_SSL_REDIRECT = env_bool("THIDUA_SSL_REDIRECT", HTTPS)
SECURE_REDIRECT_EXEMPT = [r"^suc-khoe/$"]  # the load balancer's health check over plain http
SECURE_HSTS_SECONDS = int(os.environ.get("THIDUA_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("THIDUA_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("THIDUA_HSTS_PRELOAD", False)
# Preloading is a decision for the owner of the registrable domain (gov.vn), not for one
# application: without THIDUA_HSTS_PRELOAD=true its deploy-check warning is silenced.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Trust X-Forwarded-Proto only when a proxy that sets it stands in front (compose, nginx sample).
if env_bool("THIDUA_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (thidua/security.py): no inline script, nothing from other origins.
THIDUA_CSP = os.environ.get("THIDUA_CSP", "")

# A session ends after this idle time (each use extends it, see thidua/sessions.py) and on a
# password change (Django checks the password hash kept in the session: the other sessions end).
SESSION_ENGINE = "thidua.sessions"
SESSION_COOKIE_AGE = int(os.environ.get("THIDUA_SESSION_IDLE_MINUTES", "480")) * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
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
# EMAIL_URL (smtp://user:password@host:587?tls=true, smtps://… for SSL) or THIDUA_EMAIL_* values.
EMAIL_BACKEND = os.environ.get(
    "THIDUA_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("THIDUA_EMAIL_HOST", "localhost")
# Links in e-mails (notifications, password reset) point here.
SITE_URL = os.environ.get("THIDUA_SITE_URL", "http://127.0.0.1:8000")


EMAIL_PORT = int(os.environ.get("THIDUA_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("THIDUA_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("THIDUA_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("THIDUA_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("THIDUA_EMAIL_USE_SSL", False)
if os.environ.get("EMAIL_URL"):
    from thidua.envurl import parse_email_url

    _email = parse_email_url(os.environ["EMAIL_URL"])
    EMAIL_HOST, EMAIL_PORT = _email["host"], _email["port"]
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _email["user"], _email["password"]
    EMAIL_USE_TLS, EMAIL_USE_SSL = _email["use_tls"], _email["use_ssl"]
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("THIDUA_EMAIL_FROM", "thidua@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background jobs: stored in the database, run by `thidua db_worker` (make run starts one).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("THIDUA_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# API tokens: how long a new token is valid unless its owner chooses otherwise (days).
# Documents with more rows than this (decision annex, trích ngang list) are built by the
# background worker with a progress page; smaller ones stay an instant download.
THIDUA_BACKGROUND_ROWS = int(os.environ.get("THIDUA_BACKGROUND_ROWS", "300"))
# Certificates of a large decision: one background task per chunk of this many recipients.
THIDUA_CERTIFICATE_CHUNK = int(os.environ.get("THIDUA_CERTIFICATE_CHUNK", "200"))
# The package sent upward (decisions/eoffice.py): the largest file the higher level's document
# exchange accepts (MB, each file), and the largest ZIP (MB, 0: no limit; never split).
THIDUA_EOFFICE_MAX_FILE_MB = float(os.environ.get("THIDUA_EOFFICE_MAX_FILE_MB", "50"))
THIDUA_EOFFICE_MAX_PACKAGE_MB = float(os.environ.get("THIDUA_EOFFICE_MAX_PACKAGE_MB", "0"))

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


# A job left "running" by a worker that died (kill -9, machine lost) is run again after this
# many seconds by `thidua run_worker`; longer than the longest job. After THIDUA_TASK_MAX_ATTEMPTS
# starts it is marked failed instead.
THIDUA_TASK_STALE_AFTER = int(os.environ.get("THIDUA_TASK_STALE_AFTER", "1800"))
THIDUA_TASK_MAX_ATTEMPTS = int(os.environ.get("THIDUA_TASK_MAX_ATTEMPTS", "3"))


# Two-factor authentication (org/twofactor.py): the chairman, council members and secretary,
# administrators and emulation officers must enrol a TOTP app before any other page, and every
# account that enrolled gives a code after its password. Off by default in development
# (THIDUA_DEBUG) so the demo accounts sign in with their password only; on in production.
THIDUA_REQUIRE_2FA = env_bool("THIDUA_REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = os.environ.get("THIDUA_2FA_ISSUER", "Thi đua – Khen thưởng")
