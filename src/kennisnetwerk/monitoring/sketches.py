"""Reach sketches: what a party computes on its own machine and uploads, and how the platform
reads it back. No database and no platform settings are needed here.

Each KVK number is hashed with HMAC-SHA256 under the network key that the regional coordinator
gives the parties (the platform never sees the key); the hashes go into an Apache DataSketches
theta sketch. The file a party uploads is an envelope around that sketch::

    KNSKETCH 1\\n
    {"indicator": "...", "period": "...", "key_check": "...", ...}\\n
    <compact theta sketch, serialised>

``key_check`` is an HMAC of a fixed text under the key: it tells the platform whether two
sketches were made with the same key without revealing the key, because sketches made with
different keys would silently show no overlap at all."""

from __future__ import annotations

import datetime as dt
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

MAGIC = b"KNSKETCH 1\n"
# 2^14 = 16 384 entries: lists below that size are counted exactly; above it the relative
# standard error is about 0.8 %, so 95 % of estimates fall within ±1.6 %.
LG_K = 14
# The hash seed of every sketch in the network. A sketch made with another seed cannot be
# combined with the others and is refused on upload.
SEED = 9001
KEY_MIN_BYTES = 16
MAX_SKETCH_BYTES = 2 * 1024 * 1024
_KEY_CHECK_TEXT = b"kennisnetwerk: controle van de netwerksleutel"


class SketchError(ValueError):
    """An uploaded file cannot be used as a reach sketch; the message says why, in Dutch."""


class KeyFileError(ValueError):
    pass


def key_new() -> str:
    """A new network key as text (64 hexadecimal characters, 256 bits)."""
    return secrets.token_hex(32)


def key_read(path: str | Path) -> bytes:
    """The key in a key file: hexadecimal text (as ``key_new`` writes), or at least 16 other
    characters of text used as they are."""
    try:
        text = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise KeyFileError(
            _("The key file %(path)s cannot be read: %(error)s") % {"path": path, "error": error}
        ) from None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = text.encode("utf-8")
    if len(key) < KEY_MIN_BYTES:
        raise KeyFileError(
            _("The key in %(path)s is too short; ask the regional coordinator for the network key.")
            % {"path": path}
        )
    return key


def key_check(key: bytes) -> str:
    return hmac.new(key, _KEY_CHECK_TEXT, "sha256").hexdigest()[:16]


def keyed_hash(key: bytes, kvk_number: str) -> int:
    """The number that goes into the sketch: 64 bits of HMAC-SHA256(key, KVK number)."""
    digest = hmac.digest(key, kvk_number.encode("ascii"), "sha256")
    return int.from_bytes(digest[:8], "big", signed=True)


def sketch_build(numbers, *, key: bytes, lg_k: int = LG_K, seed: int = SEED):
    """A compact theta sketch of the keyed hashes of ``numbers`` (normalised KVK numbers)."""
    import datasketches

    sketch = datasketches.update_theta_sketch(lg_k, 1.0, seed)
    update = sketch.update
    for number in numbers:
        update(keyed_hash(key, number))
    return sketch.compact()


@dataclass(frozen=True)
class SketchFile:
    indicator: str
    period: str
    key_check: str
    valid_numbers: int
    created_at: str
    sketch_bytes: bytes
    lg_k: int = LG_K

    def header(self) -> dict:
        return {
            "format": "kennisnetwerk-reach-sketch",
            "indicator": self.indicator,
            "period": self.period,
            "key_check": self.key_check,
            "valid_numbers": self.valid_numbers,
            "lg_k": self.lg_k,
            "created_at": self.created_at,
        }

    def to_bytes(self) -> bytes:
        header = json.dumps(self.header(), ensure_ascii=True, sort_keys=True).encode("ascii")
        return MAGIC + header + b"\n" + self.sketch_bytes


def sketch_file_make(
    numbers: list[str],
    *,
    key: bytes,
    indicator: str,
    period: str,
    seed: int = SEED,
    now: dt.datetime | None = None,
) -> SketchFile:
    sketch = sketch_build(numbers, key=key, seed=seed)
    return SketchFile(
        indicator=indicator,
        period=period,
        key_check=key_check(key),
        valid_numbers=len(numbers),
        created_at=(now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        sketch_bytes=sketch.serialize(),
    )


def _not_a_sketch() -> SketchError:
    return SketchError(
        _(
            "This file is not a reach sketch. Make the sketch with kennisnetwerk-sketch and "
            "upload the .sketch file it writes (not the list of KVK numbers itself)."
        )
    )


def sketch_file_parse(data: bytes, *, seed: int = SEED) -> tuple[SketchFile, object]:
    """The envelope and the sketch in it, or ``SketchError`` with a Dutch reason."""
    if len(data) > MAX_SKETCH_BYTES:
        raise SketchError(_("This file is too large for a reach sketch (at most 2 MB)."))
    if not data.startswith(MAGIC):
        raise _not_a_sketch()
    rest = data[len(MAGIC) :]
    header_bytes, separator, body = rest.partition(b"\n")
    if not separator:
        raise _not_a_sketch()
    try:
        header = json.loads(header_bytes.decode("ascii"))
        envelope = SketchFile(
            indicator=str(header["indicator"]),
            period=str(header["period"]),
            key_check=str(header["key_check"]),
            valid_numbers=int(header["valid_numbers"]),
            created_at=str(header["created_at"]),
            lg_k=int(header.get("lg_k", LG_K)),
            sketch_bytes=body,
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise _not_a_sketch() from None
    import datasketches

    try:
        sketch = datasketches.compact_theta_sketch.deserialize(body, seed)
    except (ValueError, RuntimeError) as error:
        if "seed" in str(error).lower():
            raise SketchError(
                _(
                    "This sketch was made with a different hash seed than the network uses, so "
                    "it cannot be combined with the sketches of the other parties. Make it "
                    "again with the current version of kennisnetwerk-sketch."
                )
            ) from None
        raise _not_a_sketch() from None
    return envelope, sketch
