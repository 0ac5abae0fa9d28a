"""Fail when the Dutch catalogue is stale: texts in the code that the catalogue lacks,
entries no longer used, untranslated or fuzzy entries, or a compiled .mo that does not
match the .po. Leaves the working tree as it was."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "kennisnetwerk"
PO = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def main() -> int:
    problems: list[str] = []
    if not PO.exists() or not MO.exists():
        print(f"missing {PO} or {MO}: run `make messages`")
        return 1
    committed = polib.pofile(str(PO))
    with tempfile.TemporaryDirectory() as tmp:
        backup = Path(tmp) / "django.po"
        shutil.copy2(PO, backup)
        try:
            subprocess.run(  # noqa: S603
                [
                    str(Path(sys.executable).with_name("kennisnetwerk")),
                    "makemessages",
                    "-l",
                    "nl",
                    "--no-location",
                    "--no-obsolete",
                    "--ignore",
                    "static/*",
                ],
                cwd=PACKAGE,
                check=True,
                capture_output=True,
            )
            fresh = polib.pofile(str(PO))
        finally:
            shutil.copy2(backup, PO)

    def key(entry):
        return (entry.msgctxt, entry.msgid, entry.msgid_plural)

    fresh_keys = {key(e) for e in fresh if not e.obsolete}
    committed_keys = {key(e) for e in committed if not e.obsolete}
    for missing in sorted(fresh_keys - committed_keys, key=str):
        problems.append(f"not in the catalogue: {missing[1]!r}")
    for unused in sorted(committed_keys - fresh_keys, key=str):
        problems.append(f"no longer used: {unused[1]!r}")
    for entry in committed:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif not entry.translated():
            problems.append(f"untranslated: {entry.msgid!r}")
    compiled = {key(e): (e.msgstr, dict(e.msgstr_plural)) for e in polib.mofile(str(MO))}
    for entry in committed:
        if entry.obsolete or not entry.translated() or "fuzzy" in entry.flags:
            continue
        got = compiled.get(key(entry))
        if got is None or got != (entry.msgstr, dict(entry.msgstr_plural)):
            problems.append(f".mo out of date for: {entry.msgid!r}")
    if problems:
        print("The Dutch catalogue is stale (run `make messages` and translate):")
        for problem in problems[:200]:
            print("  -", problem)
        if len(problems) > 200:
            print(f"  … and {len(problems) - 200} more")
        return 1
    print(f"Dutch catalogue up to date ({len(committed_keys)} texts).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
