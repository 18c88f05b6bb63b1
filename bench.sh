#!/usr/bin/env bash
# Catwalk's benchmark suite, one command: ./bench.sh [--quick] [--only emulator|fanout|wire|batch|memory|dashboard|workers|startup]
# Runs against the emulator on loopback; prints each number beside its baseline and writes bench/results/latest.{json,md}.
# The "workers" part needs PostgreSQL: a throwaway server is started (as ./test does) unless CATWALK_TEST_POSTGRES is set.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
. "$root/scripts/test-postgres.sh"
"$root/catwalk" models >/dev/null       # builds the CLI (.build/cli) for the startup and workers measurements
# The published build, as the README's Install section makes it, for the startup measurement.
dotnet publish "$root/src/Catwalk.Cli" -c Release -r linux-x64 -o "$root/.build/published" --nologo -v quiet "-clp:ErrorsOnly;NoSummary" >&2
trap stop_test_postgres EXIT
start_test_postgres
dotnet run -c Release --project "$root/bench/Catwalk.Bench" -- --catwalk "$root/.build/cli/catwalk.dll" --published "$root/.build/published" "$@"
