"""Settings for the test suite: the real settings with test-only values."""

import os
import tempfile

os.environ.setdefault("THIDUA_SECRET_KEY", "test-only-secret-key")  # noqa: S105
os.environ.setdefault("THIDUA_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("THIDUA_HTTPS", "false")  # the test client speaks plain http

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
WHITENOISE_AUTOREFRESH = True  # serve from the finders; no collectstatic in tests
MEDIA_ROOT = tempfile.mkdtemp(prefix="thidua-test-media-")  # uploads never touch var/
THIDUA_MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # small, so the oversize test stays fast
# A connection per request, as before: threads of the concurrency tests leave none open.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared-cache memory: threads then wait for the write lock like in production.
    TEST_DB_DIR = tempfile.mkdtemp(prefix="thidua-test-db-")
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(TEST_DB_DIR, "test.sqlite3")}  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}  # run at once
# Login throttling is off for the suite (tests sign in with client.login, which passes no
# request to the backends); tests/org/test_lockout.py turns it on with override_settings.
AXES_ENABLED = False
