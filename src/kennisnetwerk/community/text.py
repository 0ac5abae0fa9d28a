"""The text format of posts: plain text with a few marks, turned into safe HTML on input.

- an empty line starts a new paragraph; a single line break stays a line break;
- lines starting with "- " or "* " form a bulleted list, lines starting with "1. " a
  numbered list;
- **bold** is bold;
- web addresses (https://…) become links, and so does [text](https://…);
- "@Voornaam Achternaam" is a mention (resolved by the service, shown in bold).

Everything the author typed is escaped first, so HTML typed into a post shows as text and
nothing in it runs; the result then passes nh3 with a short allow-list as a second guard.
"""

from __future__ import annotations

import html
import re

import nh3

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}

_LINK = re.compile(r"\[([^\]\n]{1,200})\]\((https?://[^\s)]{1,500})\)")
_URL = re.compile(r"(?<![\"'=>])\bhttps?://[^\s<]{1,500}[^\s<.,;:!?)\]'\"]")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")


def _inline(text: str, mentions: list[str]) -> str:
    out = html.escape(text, quote=True)
    placeholders: list[str] = []

    def keep(fragment: str) -> str:
        placeholders.append(fragment)
        return f"\x00{len(placeholders) - 1}\x00"

    out = _LINK.sub(lambda m: keep(f'<a href="{m.group(2)}">{m.group(1)}</a>'), out)
    out = _URL.sub(lambda m: keep(f'<a href="{m.group(0)}">{m.group(0)}</a>'), out)
    out = _BOLD.sub(lambda m: f"<strong>{m.group(1)}</strong>", out)
    for name in sorted(mentions, key=len, reverse=True):
        escaped = html.escape(f"@{name}", quote=True)
        out = re.sub(
            re.escape(escaped) + r"(?![\w-])",
            lambda m: keep(f"<strong>{m.group(0)}</strong>"),
            out,
            flags=re.IGNORECASE,
        )
    return re.sub(r"\x00(\d+)\x00", lambda m: placeholders[int(m.group(1))], out)


def render(source: str, *, mentions: list[str] | None = None) -> str:
    """Safe HTML for ``source``; ``mentions`` are the names (without @) to show in bold."""
    mentions = mentions or []
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", source.replace("\r\n", "\n").strip()):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        parts: list[str] = []
        kind: str | None = None
        for line in lines:
            bullet = _BULLET.match(line)
            numbered = None if bullet else _NUMBERED.match(line)
            line_kind = "ul" if bullet else "ol" if numbered else "p"
            text = (bullet or numbered).group(1) if (bullet or numbered) else line.strip()
            if line_kind != kind:
                if kind in ("ul", "ol"):
                    parts.append(f"</{kind}>")
                elif kind == "p":
                    parts.append("</p>")
                parts.append(f"<{line_kind}>")
                kind = line_kind
            elif kind == "p":
                parts.append("<br>")
            content = _inline(text, mentions)
            parts.append(f"<li>{content}</li>" if kind in ("ul", "ol") else content)
        parts.append(f"</{kind}>")
        blocks.append("".join(parts))
    return clean("".join(blocks))


def clean(fragment: str) -> str:
    """The allow-list: paragraphs, line breaks, lists, bold and links (opened safely)."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow ugc",
    )


_MENTION = re.compile(r"(?<![\w@])@([^\W\d_][\w'’-]*(?:[ \t]+[\w'’-]+){0,4})")


def mention_occurrences(source: str) -> list[list[str]]:
    """For each "@" in the text, the names it may start, longest first: "@Anna de Vries
    zegt" gives "Anna de Vries zegt", "Anna de Vries", "Anna de", "Anna" (the service keeps
    the longest that is a person who may see the thread)."""
    found: list[list[str]] = []
    for match in _MENTION.finditer(source):
        words = match.group(1).split()
        names = []
        for end in range(len(words), 0, -1):
            name = " ".join(words[:end]).rstrip("'’-")
            if name and name not in names:
                names.append(name)
        if names:
            found.append(names)
    return found


def excerpt(source: str, length: int = 160) -> str:
    """Plain text, at most ``length`` characters, for notifications and quotes."""
    text = " ".join(source.replace("**", "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
