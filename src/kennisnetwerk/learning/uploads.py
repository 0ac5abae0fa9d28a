"""Checks on attachments of practice examples: a size limit, and the type read from the
content (not from the name). Allowed are PDF, Word, PowerPoint, Excel, PNG and JPEG."""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

_OOXML = {
    "word/": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "ppt/": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "xl/": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def max_bytes() -> int:
    return int(getattr(settings, "PRACTICE_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))


def attachment_type(upload) -> tuple[str, str]:
    """(suffix, content type) of an uploaded file, or ``ValidationError`` in Dutch."""
    if upload.size > max_bytes():
        raise ValidationError(
            _("%(name)s is too large (%(size)s); at most %(max)s is allowed.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(max_bytes()),
            }
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf", "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg", "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            names = []
        finally:
            upload.seek(0)
        for prefix, kind in _OOXML.items():
            if any(name.startswith(prefix) for name in names):
                return kind
    raise ValidationError(
        _(
            "%(name)s is not a file type we accept. Upload a PDF, Word, PowerPoint or Excel "
            "file, or a PNG or JPEG image."
        )
        % {"name": upload.name}
    )
