#!/usr/bin/env bash
# Install everything the test suite needs, then run it:   bash tests/run.sh
# (CI runs exactly this command; extra arguments go to pytest.)
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser tests drive Debian's Chromium, and the push test loads into a real
# Virtuoso (virtuoso-opensource: ~10 s to install); install them when we can (root + apt).
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! command -v virtuoso-t >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver virtuoso-opensource >/dev/null
  else
    echo "note: chromium/chromedriver/virtuoso-t not installed; browser and Virtuoso tests will be skipped" >&2
  fi
fi
python3.11 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
exec .venv/bin/python -m pytest "$@"
