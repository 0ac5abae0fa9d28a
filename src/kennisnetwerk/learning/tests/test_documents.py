"""Documents shared in a programme: members add and read them, outsiders do not, a file of
the wrong type is refused in Dutch and nothing is stored, who added one may remove it."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.learning.models import ProgrammeDocument

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _upload(client, programme, name, content, title="Plan van aanpak 2026"):
    return client.post(
        f"/leren/programmas/{programme.slug}/documenten/",
        {"title": title, "file": SimpleUploadedFile(name, content)},
    )


def test_a_member_shares_a_document_that_members_read_and_outsiders_do_not(
    client, programme, members, organiser, outsider, django_capture_on_commit_callbacks
):
    client.force_login(members[0])
    response = _upload(client, programme, "plan.pdf", PDF)
    assert response.status_code == 302
    document = ProgrammeDocument.objects.get()
    assert document.filename == "plan.pdf" and document.content_type == "application/pdf"
    assert AuditLogEntry.objects.filter(object_repr="Plan van aanpak 2026").exists()

    client.force_login(members[1])
    page = client.get(f"/leren/programmas/{programme.slug}/").content.decode()
    assert "Plan van aanpak 2026" in page
    download = client.get(f"/leren/documenten/{document.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="plan.pdf"' in download["Content-Disposition"]
    # Another member may not remove it; who added it may.
    assert client.post(f"/leren/documenten/{document.pk}/verwijderen/").status_code == 403

    client.force_login(outsider)
    # Neither the document nor the programme is revealed to an outsider.
    assert client.get(f"/leren/documenten/{document.pk}/").status_code == 404
    assert _upload(client, programme, "x.pdf", PDF).status_code == 404
    client.logout()
    assert client.get(f"/leren/documenten/{document.pk}/")["Location"].startswith("/account/login/")

    client.force_login(members[0])
    path = document.file.path
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/leren/documenten/{document.pk}/verwijderen/")
    assert response.status_code == 302
    assert not ProgrammeDocument.objects.exists()
    assert not os.path.exists(path)


def test_a_file_of_another_type_or_without_title_is_refused_in_dutch(client, programme, members):
    client.force_login(members[0])
    response = _upload(client, programme, "virus.exe", b"MZ\x90\x00binary")
    assert response.status_code == 400
    assert "geen bestandstype dat wij accepteren" in response.content.decode()
    response = _upload(client, programme, "plan.pdf", PDF, title="  ")
    assert response.status_code == 400
    assert not ProgrammeDocument.objects.exists()
