"""Plain-text parts of mails: subjects and text bodies are not HTML, so they are rendered
without HTML escaping ('"Export" & meer', never '&quot;Export&quot; &amp; meer')."""

from __future__ import annotations

from typing import Any

from django.template import Context
from django.template.loader import get_template


def render_plain(template_name: str, context: dict[str, Any]) -> str:
    """Render ``template_name`` as plain text, whatever the template says about escaping."""
    template = get_template(template_name)
    # The Django backend's template wrapper always autoescapes; its inner template takes a
    # Context in which escaping can be switched off.
    return template.template.render(Context(context, autoescape=False))


def render_subject(template_name: str, context: dict[str, Any]) -> str:
    """A mail subject: plain text on one line (line breaks would end the header)."""
    return " ".join(render_plain(template_name, context).split())
