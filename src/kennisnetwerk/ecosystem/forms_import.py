from django import forms
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.utils.translation import gettext_lazy as _

from .import_files import ImportFileError, file_size_problem, max_bytes, megabytes


class UploadSizeLimit(FileUploadHandler):
    """Stops receiving a file as soon as it is larger than the import allows, so that an
    oversized upload is neither kept in memory nor written to disk. The view then tells the
    person why (``request.inventory_upload_too_large``)."""

    def __init__(self, request=None, limit: int | None = None):
        super().__init__(request)
        self.limit = limit if limit is not None else max_bytes()
        self.received = 0
        self.request_size = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):  # noqa: N803
        self.request_size = content_length or 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            # The size of the whole request is the best guess of the file's size.
            self.request.inventory_upload_too_large = max(self.received, self.request_size)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


class InventoryUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        allow_empty_file=True,  # an empty file gets the import's own message
        error_messages={"required": _("Choose the file to import.")},
    )

    def __init__(self, *args, too_large: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        self.fields["file"].help_text = _(
            "An Excel workbook (.xlsx) or a CSV file of at most %(max)s MB."
        ) % {"max": megabytes(max_bytes())}
        self.fields["file"].widget.attrs["accept"] = (
            ".xlsx,.csv,.txt,text/csv,"
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )

    def clean(self):
        cleaned = super().clean()
        if self.too_large:
            problem = file_size_problem(max(self.too_large, max_bytes() + 1))
            self.errors.pop("file", None)
            self.add_error("file", self._message(problem))
            return cleaned
        upload = cleaned.get("file")
        if upload is not None and (problem := file_size_problem(upload.size or 0)):
            self.add_error("file", self._message(problem))
        return cleaned

    @staticmethod
    def _message(problem: ImportFileError | None) -> forms.ValidationError:
        assert problem is not None  # noqa: S101
        return forms.ValidationError(problem.message, code=problem.code)


class ImportConfirmForm(forms.Form):
    ALL = "all"
    VALID = "valid"
    mode = forms.ChoiceField(choices=[(ALL, _("Import everything")), (VALID, _("Only valid rows"))])
    sha256 = forms.CharField(max_length=64, widget=forms.HiddenInput)
