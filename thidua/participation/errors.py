from __future__ import annotations

from thidua.core.errors import ServiceError


class ParticipationError(ServiceError):
    """A rule of plans and reports refused the action; the message says why."""
