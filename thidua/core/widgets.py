"""A drop-down written without a template per option: Django's Select renders one template
per option, and a dossier's list of 300 candidates took longer than the rest of the page
(bench/portal.py). The markup is Django's own (django/forms/widgets/select.html)."""

from __future__ import annotations

from html import escape

from django import forms
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html: True gives the bare name, False nothing."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


class ManySelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        out = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                out.append(f'\n  <optgroup label="{escape(str(group_name))}">')
            for option in options:
                out.append(
                    f'\n  <option value="{escape(str(option["value"]))}"'
                    f"{_attrs(option['attrs'])}>{escape(str(option['label']))}</option>\n"
                )
            if group_name:
                out.append("\n  </optgroup>")
        out.append("\n</select>")
        return mark_safe("".join(out))  # noqa: S308 - every value above is escaped
