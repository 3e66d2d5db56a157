#!/usr/bin/env bash
# Every test: the type check, the linter and formatter, the unit and integration tests (Vitest, on a real
# PostgreSQL), then the end-to-end tests (Playwright in Chromium) on a production build.
# Each step says how long it took, and the whole run at the end, passed or not.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
duration() { if [ "$1" -ge 60 ]; then echo "$(($1 / 60)) min $(($1 % 60)) s"; else echo "$1 s"; fi; }
finish() {
  local status=$?
  if [ "$status" -eq 0 ]; then
    echo "npm test finished in $(duration $((SECONDS - started)))"
  else
    echo "npm test failed (exit code $status) after $(duration $((SECONDS - started)))"
  fi
}
trap finish EXIT

# step "name" command...: runs one step under a heading and reports its time.
step() {
  local name=$1
  shift
  local step_started=$SECONDS
  echo "== $name"
  "$@"
  echo "== $name: $(duration $((SECONDS - step_started)))"
}

bash tests/ensure-chromium.sh
step "type check" npx tsc --noEmit
step "lint and format" npm run lint --silent
step "unit and integration tests" npx vitest run
step "production build" npm run build --silent
step "end-to-end tests" npx playwright test
