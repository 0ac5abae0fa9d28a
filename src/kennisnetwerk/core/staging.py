"""Uploaded files kept between a preview and the person's confirmation (imports).

A staged file lives in a private folder that is never served, named by a random token, next
to a small JSON record of what it is. Only the person who uploaded it can use it, and only
for what it was uploaded for (a region, an organisation: the ``bound`` ids). It expires after
a number of hours, is checked against the hash taken at upload, and is removed after use."""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


def display_name(filename: str) -> str:
    """The file name for display only: no folders, no control characters."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:150] or "bestand"


@dataclass
class StagedFile:
    token: str
    user_id: int
    filename: str
    sha256: str
    size: int
    uploaded_at: str
    hours: int
    bound: dict[str, int] = field(default_factory=dict)

    @property
    def expires_at(self) -> datetime:
        return datetime.fromisoformat(self.uploaded_at) + timedelta(hours=self.hours)


class FileStage:
    """One folder of staged uploads. ``directory`` is read on every use, so settings
    overridden in tests take effect."""

    def __init__(self, *, directory: Callable[[], Path], hours: int) -> None:
        self.directory = directory
        self.hours = hours

    def _paths(self, token: str) -> tuple[Path, Path]:
        folder = Path(self.directory())
        return folder / f"{token}.bin", folder / f"{token}.json"

    def stage(self, *, user: Any, filename: str, content: bytes, **bound: Any) -> StagedFile:
        self._purge_expired()
        Path(self.directory()).mkdir(parents=True, exist_ok=True, mode=0o700)
        staged = StagedFile(
            token=secrets.token_urlsafe(32),
            user_id=user.pk,
            filename=display_name(filename),
            sha256=hashlib.sha256(content).hexdigest(),
            size=len(content),
            uploaded_at=timezone.now().isoformat(),
            hours=self.hours,
            bound={name: obj.pk for name, obj in bound.items()},
        )
        data_path, meta_path = self._paths(staged.token)
        record = json.dumps(asdict(staged)).encode()
        for path, payload in ((data_path, content), (meta_path, record)):
            temporary = path.with_suffix(path.suffix + ".tmp")
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(payload)
            temporary.replace(path)
        return staged

    def get(self, *, token: str, user: Any, **bound: Any) -> StagedFile | None:
        """The staged file with ``token`` if it is ``user``'s, bound to the given objects (a
        subset of what it was staged for is enough), unexpired and present."""
        if not _TOKEN.match(token or ""):
            return None
        data_path, meta_path = self._paths(token)
        try:
            staged = StagedFile(**json.loads(meta_path.read_text()))
        except (OSError, ValueError, TypeError):
            return None
        if staged.token != token or staged.user_id != user.pk:
            return None
        if any(staged.bound.get(name) != obj.pk for name, obj in bound.items()):
            return None
        if staged.expires_at < timezone.now():
            self.discard(staged)
            return None
        return staged if data_path.is_file() else None

    def content(self, staged: StagedFile) -> bytes | None:
        """The bytes of the staged file, or None when they are gone or no longer match."""
        data_path, _meta = self._paths(staged.token)
        try:
            content = data_path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(content).hexdigest() != staged.sha256:
            return None
        return content

    def discard(self, staged: StagedFile) -> None:
        for path in self._paths(staged.token):
            path.unlink(missing_ok=True)

    def _purge_expired(self) -> None:
        folder = Path(self.directory())
        if not folder.is_dir():
            return
        cutoff = time.time() - self.hours * 3600
        for path in folder.iterdir():
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink(missing_ok=True)
            except OSError:
                continue
