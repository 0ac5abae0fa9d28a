#!/usr/bin/env bash
# Make sure the Debian chromium package is there for the browser journeys. Installs it with
# apt-get when missing and this user may (root, or password-less sudo); otherwise says how.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    exit 0
  fi
done
if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "Chromium is missing and this user cannot install packages." >&2
  echo "Install it once with: sudo apt-get install chromium   (or set CHROMIUM_PATH)" >&2
  exit 1
fi
echo "Installing chromium with apt-get (needed for the browser tests)…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
