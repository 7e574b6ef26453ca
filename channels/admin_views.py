"""The admin's "Nhập lịch phát sóng": upload the station's spreadsheet (CSV or XLSX)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .spreadsheets import ImportFileError, import_schedule, read_rows

MAX_UPLOAD = 2 * 1024 * 1024


def can_import(user):
    return user.has_perms(["channels.add_scheduleslot", "channels.change_scheduleslot"])


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))
    dry_run = forms.BooleanField(label=gettext_lazy("Only check, write nothing"), required=False)

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if not uploaded.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if uploaded.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return uploaded


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    result = file_error = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            rows = read_rows(uploaded, uploaded.name)
        except ImportFileError as error:
            file_error = str(error)
        else:
            result = import_schedule(rows, dry_run=form.cleaned_data["dry_run"])
            result.dry_run = form.cleaned_data["dry_run"]
    return render(
        request,
        "channels/admin/import.html",
        {"form": form, "result": result, "file_error": file_error},
    )
