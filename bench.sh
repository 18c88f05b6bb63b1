#!/usr/bin/env bash
# Catwalk's benchmark suite, one command: ./bench.sh [--quick] [--only emulator|fanout|wire|batch|memory|dashboard|startup]
# Runs against the emulator on loopback; prints each number beside its baseline and writes bench/results/latest.{json,md}.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
"$root/catwalk" models >/dev/null       # builds the CLI (.build/cli) for the startup measurement
exec dotnet run -c Release --project "$root/bench/Catwalk.Bench" -- --catwalk "$root/.build/cli/catwalk.dll" "$@"
