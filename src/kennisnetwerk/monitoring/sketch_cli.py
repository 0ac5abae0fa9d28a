"""``kennisnetwerk-sketch``: a party turns its own list of KVK numbers into a reach sketch on
its own machine. Installed with the package; needs neither the platform's database nor its
settings. The list and the key never leave the machine; only the .sketch file is uploaded.

    kennisnetwerk-sketch klanten.xlsx --key-file netwerksleutel.txt \\
        --indicator bereik-ondernemers --period 2026-Q1
    kennisnetwerk-sketch --new-key netwerksleutel.txt      # the coordinator, once
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _setup_translations() -> None:
    """Dutch messages from the project's catalogue, without the platform's settings."""
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            USE_I18N=True,
            LANGUAGE_CODE="nl",
            LANGUAGES=[("nl", "Nederlands"), ("en", "English")],
            LOCALE_PATHS=[str(PACKAGE_DIR / "locale")],
            INSTALLED_APPS=[],
        )
        django.setup()
    from django.utils import translation

    language = os.environ.get("KENNISNETWERK_LANGUAGE", "nl")
    translation.activate(language if language in ("nl", "en") else "nl")


def _parser():
    from django.utils.translation import gettext as _

    parser = argparse.ArgumentParser(
        prog="kennisnetwerk-sketch",
        description=_(
            "Make a reach sketch of a list of KVK numbers (.csv or .xlsx) to upload to the "
            "platform. The list and the network key stay on this computer."
        ),
    )
    parser.add_argument("file", nargs="?", metavar=_("FILE"), help=_("the .csv or .xlsx file"))
    parser.add_argument("--key-file", metavar=_("KEY"), help=_("the file with the network key"))
    parser.add_argument("--indicator", help=_("the code of the indicator, as on the upload page"))
    parser.add_argument("--period", help=_("the period, e.g. 2026, 2026-Q1 or 2026-03"))
    parser.add_argument("--column", default="", help=_("the column with the KVK numbers"))
    parser.add_argument("--output", help=_("where to write the sketch (default: FILE.sketch)"))
    parser.add_argument(
        "--report", help=_("also write the lines that were refused or corrected to this .csv")
    )
    parser.add_argument(
        "--new-key", metavar=_("KEY"), help=_("write a new network key to this file and stop")
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    _setup_translations()
    from django.utils.translation import gettext as _

    from .kvk import KvkFileError, read_kvk_numbers
    from .sketches import KeyFileError, key_new, key_read, sketch_file_make

    parser = _parser()
    args = parser.parse_args(argv)
    out, err = sys.stdout, sys.stderr

    if args.new_key:
        target = Path(args.new_key)
        if target.exists():
            err.write(_("%(path)s already exists; choose another file name.") % {"path": target})
            err.write("\n")
            return 2
        target.write_text(key_new() + "\n", encoding="utf-8")
        target.chmod(0o600)
        out.write(
            _(
                "New network key written to %(path)s. Give it to the parties in a safe way; "
                "never upload it to the platform."
            )
            % {"path": target}
            + "\n"
        )
        return 0

    missing = [
        name
        for name, value in (
            ("FILE", args.file),
            ("--key-file", args.key_file),
            ("--indicator", args.indicator),
            ("--period", args.period),
        )
        if not value
    ]
    if missing:
        parser.error(_("required: %(names)s") % {"names": ", ".join(missing)})
    try:
        key = key_read(args.key_file)
        reading = read_kvk_numbers(Path(args.file), column=args.column)
    except (KeyFileError, KvkFileError) as error:
        err.write(f"{error}\n")
        return 2
    except OSError as error:
        err.write(_("The file cannot be read: %(error)s") % {"error": error} + "\n")
        return 2

    for problem in reading.problems:
        label = _("corrected") if problem.accepted else _("refused")
        value = f" «{problem.value}»" if problem.value else ""
        err.write(
            _("line %(line)d%(value)s: %(reason)s (%(label)s)")
            % {"line": problem.line, "value": value, "reason": problem.reason, "label": label}
            + "\n"
        )
    if args.report:
        with open(args.report, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow([_("line"), _("value"), _("reason"), _("used")])
            for problem in reading.problems:
                value = problem.value
                if value[:1] in ("=", "+", "-", "@"):
                    value = "'" + value
                writer.writerow(
                    [problem.line, value, problem.reason, _("yes") if problem.accepted else _("no")]
                )
    if not reading.numbers:
        err.write(_("No valid KVK numbers found; no sketch written.") + "\n")
        return 1

    sketch = sketch_file_make(
        reading.numbers, key=key, indicator=args.indicator.strip(), period=args.period.strip()
    )
    target = Path(args.output) if args.output else Path(args.file).with_suffix(".sketch")
    target.write_bytes(sketch.to_bytes())
    out.write(
        _(
            "%(valid)d distinct KVK numbers in the sketch (%(refused)d lines refused, "
            "%(duplicates)d repeated, %(blank)d empty). Sketch written to %(path)s; upload "
            "that file for indicator %(indicator)s, period %(period)s."
        )
        % {
            "valid": len(reading.numbers),
            "refused": len(reading.refused),
            "duplicates": reading.duplicates,
            "blank": reading.blank,
            "path": target,
            "indicator": sketch.indicator,
            "period": sketch.period,
        }
        + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
