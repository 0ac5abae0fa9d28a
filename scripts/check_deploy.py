"""Run `kennisnetwerk check --deploy` with production settings and fail on any issue."""

import os
import subprocess
import sys
from pathlib import Path

env = dict(os.environ)
env.update(
    {
        "DJANGO_SETTINGS_MODULE": "kennisnetwerk.conf.production",
        "SECRET_KEY": "check-deploy-" + "x7Qp2L9vZr4Tb8Nc1Mw6Ks3Hy5Jd0Fg" * 2,
        "ALLOWED_HOSTS": "kennisnetwerk.example.nl",
    }
)
env.pop("DATABASE_URL", None)
env.pop("DEBUG", None)
kennisnetwerk = Path(sys.executable).with_name("kennisnetwerk")
result = subprocess.run(  # noqa: S603
    [str(kennisnetwerk), "check", "--deploy", "--fail-level", "WARNING"],
    env=env,
    capture_output=True,
    text=True,
)
sys.stdout.write(result.stdout)
sys.stderr.write(result.stderr)
sys.exit(result.returncode)
