#!/usr/bin/env bash
# Every test: the type check, the linter and formatter, the unit and integration tests (Vitest, on a real
# PostgreSQL), then the end-to-end tests (Playwright in Chromium) on a production build.
# Each step says how long it took, and the whole run at the end, passed or not.
#
# On a two-core machine the steps that use one core run side by side: the type check beside the linter,
# and the start of the journeys' server (a fresh database with the demo data) beside the unit tests.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
e2e_pid=""
work=$(mktemp -d)
duration() { if [ "$1" -ge 60 ]; then echo "$(($1 / 60)) min $(($1 % 60)) s"; else echo "$1 s"; fi; }
finish() {
  local status=$?
  # Stopped before the journeys ran: the Playwright run in the background is told not to run them,
  # and stops its servers itself (interrupting it while they start would leave them running).
  if [ -n "$e2e_pid" ]; then
    [ -e "$work/e2e-go" ] || echo stop >"$work/e2e-go"
    wait "$e2e_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
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
  local step_started=$SECONDS status=0
  echo "== $name"
  "$@" || status=$?
  echo "== $name: $(duration $((SECONDS - step_started)))$([ "$status" -eq 0 ] || echo ", failed")"
  return "$status"
}

# side_by_side "name" function "name" function ...: runs the steps at once, then prints each one's
# output under its heading with its time; fails if any failed.
side_by_side() {
  local names=() pids=() i status=0 step_status
  while [ $# -gt 0 ]; do
    names+=("$1")
    (
      s=$SECONDS
      "$2" >"$work/${#pids[@]}.log" 2>&1 && code=0 || code=$?
      echo $((SECONDS - s)) >"$work/${#pids[@]}.time"
      exit "$code"
    ) &
    pids+=($!)
    shift 2
  done
  for i in "${!pids[@]}"; do
    step_status=0
    wait "${pids[$i]}" || step_status=$?
    echo "== ${names[$i]}"
    cat "$work/$i.log"
    echo "== ${names[$i]}: $(duration "$(cat "$work/$i.time")")$([ "$step_status" -eq 0 ] || echo ", failed")"
    [ "$step_status" -eq 0 ] || status=$step_status
  done
  return "$status"
}

type_check() { npx tsc --noEmit; }
lint_and_format() { npm run lint --silent; }

bash tests/ensure-chromium.sh
side_by_side "type check" type_check "lint and format" lint_and_format
step "production build" npm run build --silent

# The journeys start now: Playwright brings up its servers, then waits (tests/e2e/start-after.ts)
# until the unit and integration tests have passed. Its output is shown once they have.
E2E_START_AFTER="$work/e2e-go" npx playwright test >"$work/e2e.log" 2>&1 &
e2e_pid=$!
step "unit and integration tests" npx vitest run
echo go >"$work/e2e-go"

echo "== end-to-end tests (their server started during the unit tests)"
e2e_started=$SECONDS
tail -n +1 -f --pid="$e2e_pid" "$work/e2e.log" &
e2e_status=0
wait "$e2e_pid" || e2e_status=$?
e2e_pid=""
wait
echo "== end-to-end tests: $(duration $((SECONDS - e2e_started)))$([ "$e2e_status" -eq 0 ] || echo ", failed")"
exit "$e2e_status"
