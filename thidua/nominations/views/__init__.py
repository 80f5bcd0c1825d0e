"""The dossier pages, by concern; ``urls.py`` reads them from here."""

from .candidates import (
    candidate_add,
    candidate_appraise,
    candidate_attest,
    candidate_detail,
    candidate_import,
    candidate_remove,
    import_template,
)
from .dossiers import (
    dossier_action,
    dossier_detail,
    dossier_list,
    dossier_start,
    nomination_list_docx,
    submission_letter_docx,
)
from .files import document_delete, document_download, document_upload
from .oversight import dashboard, grant_extension, send_reminders

__all__ = [
    "candidate_add",
    "candidate_appraise",
    "candidate_attest",
    "candidate_detail",
    "candidate_import",
    "candidate_remove",
    "dashboard",
    "document_delete",
    "document_download",
    "document_upload",
    "dossier_action",
    "dossier_detail",
    "dossier_list",
    "dossier_start",
    "grant_extension",
    "import_template",
    "nomination_list_docx",
    "send_reminders",
    "submission_letter_docx",
]
