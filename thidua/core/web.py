"""Small pieces every app's views share: form dates, errors as messages, file downloads."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Dates are typed and shown as dd/mm/yyyy whatever the browser's locale (a browser date picker
# shows the computer's format, often mm/dd/yyyy); ISO dates are still read (API, old links).
DATE_INPUT = forms.DateInput(
    attrs={
        "placeholder": "dd/mm/yyyy",
        "inputmode": "numeric",
        "pattern": r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}",
        "title": "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 28/10/2020",
        "class": "date-input",
        "autocomplete": "off",
    },
    format="%d/%m/%Y",
)


def date_field(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label, input_formats=["%d/%m/%Y", "%Y-%m-%d"], widget=DATE_INPUT, **kwargs
    )


def flash_errors(request, error) -> None:
    """Each message of a service's ValidationError, as an error message on the next page."""
    for message in error.messages:
        messages.error(request, message)


def download(
    content: bytes, filename: str, content_type: str, *, inline: bool = False
) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'{"inline" if inline else "attachment"}; filename="{filename}"'
    )
    return response
