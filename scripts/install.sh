#!/usr/bin/env bash
# Install kg and everything its tests need into ./.venv, on a fresh Debian/Ubuntu machine.
# Chromium (Debian package) is only needed by the HTML-view tests; without root it is skipped with a note.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing chromium (Debian package) for the HTML-view tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq chromium >/dev/null
  else
    echo "note: chromium is not installed and this user cannot install it; the HTML-view tests will be skipped" >&2
  fi
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
echo "kg installed in .venv: $(.venv/bin/kg --version)"
