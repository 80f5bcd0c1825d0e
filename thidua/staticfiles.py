"""Static files with hashed, compressed names after `collectstatic` (WhiteNoise caches them for
a year). Before collectstatic has run (development with DEBUG off, the bench) a file missing
from the manifest falls back to its plain name, which WhiteNoise serves from the app folders,
instead of turning every page into a server error."""

from __future__ import annotations

from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def url(self, name, force=False):
        try:
            return super().url(name, force)
        except ValueError:
            return FileSystemStorage.url(self, name)
