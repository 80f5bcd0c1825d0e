"""One function per action on a dossier; views and the API call these.

Every service takes ``actor`` and the object, checks permission and state itself from the
dossier's tables (``policy.check``), writes in one transaction, records an audit entry, and
sends ``signals.dossiers_changed`` when what the statistics count has changed. Edits carry the
dossier version the user saw (``versioning``)."""

from ..errors import ConflictError, DossierError
from .candidates import (
    add_candidate,
    attest,
    create_dossier,
    import_candidates,
    remove_candidate,
    update_candidate,
)
from .deadline import appraising_office, is_open_for_submission, submission_deadline
from .documents import applicable_documents, delete_document, missing_documents, upload_document
from .oversight import grant_extension, send_reminders
from .workflow import (
    appraise_candidate,
    mark_appraised,
    perform,
    return_for_supplement,
    submit,
)

__all__ = [
    "ConflictError",
    "DossierError",
    "add_candidate",
    "applicable_documents",
    "appraising_office",
    "appraise_candidate",
    "attest",
    "create_dossier",
    "delete_document",
    "grant_extension",
    "import_candidates",
    "is_open_for_submission",
    "mark_appraised",
    "missing_documents",
    "perform",
    "remove_candidate",
    "return_for_supplement",
    "send_reminders",
    "submission_deadline",
    "submit",
    "update_candidate",
    "upload_document",
]
