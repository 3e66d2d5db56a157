#!/usr/bin/env bash
# Every test: the type check, the unit and integration tests (Vitest, on a real
# PostgreSQL), then the end-to-end tests (Playwright in Chromium) on a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/ensure-chromium.sh
echo "== type check"
npx tsc --noEmit
echo "== unit and integration tests"
npx vitest run
echo "== production build"
npm run build --silent
echo "== end-to-end tests"
npx playwright test
