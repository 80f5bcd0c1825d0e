"""The project's form renderer: no "---------" in a select. Django's blank choice becomes
"— Chọn <the field's label> —" in every form of every app, without each form saying it (set
as FORM_RENDERER; Django 5.2 takes the renderer's ``bound_field_class``). A form that names
its own empty label keeps it."""

from __future__ import annotations

from django.forms import BaseForm, BoundField, ChoiceField, Field, ModelChoiceField
from django.forms.renderers import DjangoTemplates

DASHES = "---------"


def placeholder(label: object) -> str:
    text = str(label or "").strip().rstrip(":")
    return f"— Chọn {text[:1].lower() + text[1:]} —" if text else "— Chọn —"


class ChoosingBoundField(BoundField):
    def __init__(self, form: BaseForm, field: Field, name: str) -> None:
        # ``field`` is the form's own copy (form.fields[name]): changing it touches no other form.
        if isinstance(field, ModelChoiceField):
            if field.empty_label == DASHES:
                field.empty_label = placeholder(field.label or name)
        elif isinstance(field, ChoiceField):
            choices = list(field.choices)  # type: ignore[arg-type]
            if choices and choices[0][0] in ("", None) and choices[0][1] == DASHES:
                field.choices = [(choices[0][0], placeholder(field.label or name)), *choices[1:]]
        super().__init__(form, field, name)


class Renderer(DjangoTemplates):
    bound_field_class = ChoosingBoundField
