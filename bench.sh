#!/usr/bin/env bash
# Catwalk's benchmark suite, one command: ./bench.sh [--quick] [--only emulator|fanout|wire|batch|memory|dashboard|workers|startup|metrics]
# Runs against the emulator on loopback; prints each number beside its baseline and writes bench/results/latest.{json,md}.
# The "workers" part needs PostgreSQL: a throwaway server is started (as ./test does) unless CATWALK_TEST_POSTGRES is set.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
. "$root/scripts/test-postgres.sh"
"$root/catwalk" models >/dev/null       # builds the CLI (.build/cli) for the startup and workers measurements
trap stop_test_postgres EXIT
start_test_postgres
dotnet run -c Release --project "$root/bench/Catwalk.Bench" -- --catwalk "$root/.build/cli/catwalk.dll" "$@"
