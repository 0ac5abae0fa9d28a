"""The kennisnetwerk-sketch command runs on a party's machine without the platform's database
or settings, reports bad lines, and writes a sketch the platform accepts."""

import os
import subprocess
import sys
from pathlib import Path

from kennisnetwerk.monitoring.sketches import sketch_file_parse

SCRIPT = Path(sys.executable).with_name("kennisnetwerk-sketch")


def _run(*args, cwd):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(  # noqa: S603
        [str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def test_command_writes_a_key_then_a_sketch_and_reports_bad_lines(tmp_path):
    made = _run("--new-key", "sleutel.txt", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "Nieuwe netwerksleutel" in made.stdout
    (tmp_path / "klanten.csv").write_text(
        "KVK-nummer\n12345678\nABCDEFGH\n\n123456789\n1234567\n", encoding="utf-8"
    )

    completed = _run(
        "klanten.csv",
        "--key-file",
        "sleutel.txt",
        "--indicator",
        "bereik-mkb",
        "--period",
        "2025",
        "--report",
        "regels.csv",
        cwd=tmp_path,
    )

    assert completed.returncode == 0, completed.stderr
    assert "regel 3 «ABCDEFGH»" in completed.stderr
    assert "regel 5 «123456789»: 9 cijfers" in completed.stderr
    assert "regel 6 «1234567»: 7 cijfers: voorloopnul aangevuld (gecorrigeerd)" in completed.stderr
    assert "2 verschillende KVK-nummers" in completed.stdout
    envelope, sketch = sketch_file_parse((tmp_path / "klanten.sketch").read_bytes())
    assert envelope.indicator == "bereik-mkb" and envelope.period == "2025"
    assert sketch.get_estimate() == 2
    assert "12345678" not in (tmp_path / "klanten.sketch").read_bytes().decode("latin-1")
    assert "123456789" in (tmp_path / "regels.csv").read_text(encoding="utf-8")


def test_command_without_a_key_file_stops_with_a_clear_message(tmp_path):
    (tmp_path / "klanten.csv").write_text("12345678\n", encoding="utf-8")

    completed = _run(
        "klanten.csv",
        "--key-file",
        "ontbreekt.txt",
        "--indicator",
        "x",
        "--period",
        "2025",
        cwd=tmp_path,
    )

    assert completed.returncode == 2
    assert "De sleutelbestand" in completed.stderr or "sleutelbestand" in completed.stderr
    assert not (tmp_path / "klanten.sketch").exists()
