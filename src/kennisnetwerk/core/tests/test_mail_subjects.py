"""Subjects and plain-text parts of mails are plain text: quotes, ampersands and angle
brackets arrive as they are, never as HTML entities."""

import re
from pathlib import Path

import pytest

from kennisnetwerk.outreach.tests.message_factories import make_world, submitted

pytestmark = pytest.mark.django_db

PACKAGE = Path(__file__).resolve().parents[2]
TITLE = 'Workshop "Export & douane" > Duitsland'


def test_the_coordinators_mail_about_a_new_message_shows_the_title_as_typed(
    smtp_server, django_capture_on_commit_callbacks
):
    world = make_world()
    with django_capture_on_commit_callbacks(execute=True):
        submitted(world, title=TITLE)
    mail = next(m for m in smtp_server.wait_for(1) if world.coordinator.email in m["To"])
    assert TITLE in mail["Subject"]
    assert "&quot;" not in mail["Subject"] and "&amp;" not in mail["Subject"]
    text = mail.get_body(preferencelist=("plain",)).get_content()
    assert "&quot;" not in text and "&gt;" not in text and "&#x27;" not in text


def test_the_subject_helper_leaves_text_unescaped_and_on_one_line(tmp_path, settings):
    from kennisnetwerk.core.mail import render_subject

    (tmp_path / "s.txt").write_text('{{ title }}\n{% if True %}en "meer"{% endif %}\n')
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0].get("DIRS", [])]}
    ]
    assert render_subject("s.txt", {"title": TITLE}) == f'{TITLE} en "meer"'


def test_no_mail_subject_or_text_is_rendered_with_html_escaping():
    """Every place that renders a mail's subject or text part uses the plain-text helpers."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "tests" in path.parts:
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(r"render_to_string\([^)]*(_subject|email/[\w{}]+)\.txt", line):
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}")
    assert not offenders, offenders
