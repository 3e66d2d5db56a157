#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium headless shell (Chromium without its windows, which
# uses about a quarter less processor time on the journeys); Playwright's own browser download is not used.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium's headless shell is missing: installing Debian's chromium-headless-shell package ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null
  exit 0
fi
echo "The end-to-end tests need Chromium's headless shell at $CHROMIUM." >&2
echo "Install it with: sudo apt-get install -y chromium-headless-shell   (or set CHROMIUM_PATH to another Chromium)" >&2
exit 1
