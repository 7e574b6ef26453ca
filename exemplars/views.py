"""The spreadsheet upload in the admin: the same import as `manage.py import_exemplars`."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .registry_columns import COLUMNS
from .registry_export import table_response
from .spreadsheets import (
    ImportFileError,
    directory_for_import,
    import_exemplars,
    read_rows,
    sample_rows,
)

MAX_UPLOAD = 20 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))
    dry_run = forms.BooleanField(label=gettext_lazy("Only check, write nothing"), required=False)
    drafts = forms.BooleanField(
        label=gettext_lazy("Save as drafts and submit them for approval (Duyệt hồ sơ)"),
        required=False,
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if not uploaded.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if uploaded.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return uploaded


def can_import(user):
    return user.is_active and (user.is_superuser or user.has_perm("exemplars.add_awardtype"))


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    result = None
    file_error = None
    index_page = directory_for_import()
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if index_page is None:
            file_error = _("There is no exemplar directory page to import into.")
        else:
            uploaded = form.cleaned_data["file"]
            try:
                rows = read_rows(uploaded, uploaded.name)
            except ImportFileError as error:
                file_error = str(error)
            else:
                result = import_exemplars(
                    rows,
                    index_page,
                    dry_run=form.cleaned_data["dry_run"],
                    user=request.user,
                    drafts=form.cleaned_data["drafts"],
                )
    return render(
        request,
        "exemplars/admin/import.html",
        {
            "form": form,
            "result": result,
            "file_error": file_error,
            "index_page": index_page,
            "columns": COLUMNS,
        },
    )


def sample_view(request, fmt):
    """The sample file (exemplars/samples/mau-nhap.csv) with every column, as CSV or XLSX."""
    if not can_import(request.user):
        raise PermissionDenied
    if fmt not in ("csv", "xlsx"):
        raise Http404
    return table_response(sample_rows(), fmt, "mau-nhap-dien-hinh")
