import subprocess
import sys
from pathlib import Path


def test_production_settings_pass_check_deploy():
    script = Path(__file__).resolve().parent.parent / "scripts" / "check_deploy.py"
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,  # noqa: S603
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
