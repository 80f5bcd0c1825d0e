"""Sessions that end after SESSION_COOKIE_AGE without use (8 hours by default): every use moves
the expiry forward, written at most once a minute instead of on every request
(SESSION_SAVE_EVERY_REQUEST would add a write to every page). A password change ends the other
sessions through Django's own check of the password hash kept in the session."""

from __future__ import annotations

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone

REFRESH_AFTER = 60  # seconds: the idle timeout is exact to within a minute


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self):
        session = super()._get_session_from_db()
        if session is not None:
            remaining = (session.expire_date - timezone.now()).total_seconds()
            if remaining < settings.SESSION_COOKIE_AGE - REFRESH_AFTER:
                self.modified = True  # SessionMiddleware saves it: a new expiry and cookie
        return session
