#!/usr/bin/env bash
# Runs the whole test suite: builds the solution, starts a throwaway PostgreSQL server (unless
# PAINBIAS_TEST_POSTGRES already points at one), installs what browser tests need, runs every test
# project, stops the server, and prints "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/painbias-test.XXXXXX")
log_tag=test
# shellcheck source=lib/throwaway-postgres.sh
. scripts/lib/throwaway-postgres.sh

cleanup() {
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${PAINBIAS_TEST_POSTGRES:-}" ]; then start_postgres 300 200; else log "using PostgreSQL from PAINBIAS_TEST_POSTGRES"; fi

# The assessor-task browser tests drive Debian's Chromium through Playwright.
[ -x /usr/bin/chromium ] || { log "installing Chromium for the browser tests"; apt_install chromium; }

log "building"
dotnet build PainBias.sln -c Release -nologo -v quiet -clp:ErrorsOnly >&2

log "testing"
set +e
dotnet test PainBias.sln -c Release --no-build -nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole suite, summed over the per-project summaries.
awk '/(Passed|Failed)!  - Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
       n++ }
     END { if (n == 0) { print "0 passed, 0 failed"; exit 1 } printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$work/test.log" \
  || status=1
exit "$status"
