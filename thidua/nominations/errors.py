from __future__ import annotations

from thidua.core.errors import ConflictError as BaseConflictError
from thidua.core.errors import ServiceError


class DossierError(ServiceError):
    """A business rule refused the action; the message says why, in Vietnamese."""


class ConflictError(DossierError, BaseConflictError):
    """Someone changed the dossier since the user saw it."""
