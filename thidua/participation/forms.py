from __future__ import annotations

from django import forms

from thidua.core.web import date_field


class PlanForm(forms.Form):
    number = forms.CharField(label="Số, ký hiệu kế hoạch của đơn vị", max_length=50)
    signed_on = date_field("Ngày ban hành")
    launched_on = date_field("Ngày tổ chức phát động", required=False)
    file = forms.FileField(label="Tệp kế hoạch (PDF, DOCX)", required=False)


class ReportForm(forms.Form):
    collectives_rewarded = forms.IntegerField(
        label="Số tập thể đơn vị đã khen thưởng", min_value=0, initial=0
    )
    individuals_rewarded = forms.IntegerField(
        label="Số cá nhân đơn vị đã khen thưởng", min_value=0, initial=0
    )
    models_built = forms.IntegerField(
        label="Số mô hình, điển hình được xây dựng", min_value=0, initial=0
    )
    summary = forms.CharField(label="Tóm tắt kết quả", widget=forms.Textarea(attrs={"rows": 4}))
    file = forms.FileField(label="Báo cáo (PDF, DOCX)", required=False)
