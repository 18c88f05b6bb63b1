#!/usr/bin/env bash
# Catwalk's benchmark suite, one command: ./bench.sh [--quick] [--only emulator|fanout|wire|batch|memory|dashboard|workers|startup|metrics]
# Runs against the emulator on loopback; prints each number beside its baseline and writes bench/results/latest.{json,md}.
# One case of the workers part (e.g. under a profiler): ./bench.sh --only workers --workers 1 --latency realistic; of the batch part: --only batch --concurrency 128
# The "workers" part needs PostgreSQL: a throwaway server is started (as ./test does) unless CATWALK_TEST_POSTGRES is set.
#   ./bench.sh --baseline-commit REV [--quick] [--only NAME]
# first runs the same suite on commit REV (checked out into a temporary worktree, built there), then on this checkout,
# and writes both side by side with after/before ratios into bench/results/compare.{json,md}.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
. "$root/scripts/test-postgres.sh"
baseline_commit=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline-commit) [ $# -ge 2 ] || { echo "--baseline-commit needs a commit (e.g. --baseline-commit HEAD~3)" >&2; exit 2; }; baseline_commit="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
trap stop_test_postgres EXIT
start_test_postgres
compare=()
if [ -n "$baseline_commit" ]; then
  sha="$(git -C "$root" rev-parse --verify --quiet "$baseline_commit^{commit}")" || { echo "--baseline-commit: '$baseline_commit' is not a commit of this repository" >&2; exit 2; }
  tree="$(mktemp -d /tmp/catwalk-bench-baseline.XXXXXX)"
  git -C "$root" worktree add --detach --quiet "$tree" "$sha"
  trap 'git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"; stop_test_postgres' EXIT
  echo "== baseline: ${baseline_commit} (${sha:0:12}) in $tree" >&2
  "$tree/bench.sh" ${args[@]+"${args[@]}"}
  mkdir -p "$root/bench/results"
  cp "$tree/bench/results/latest.json" "$root/bench/results/baseline.json"
  compare=(--compare-with "$root/bench/results/baseline.json" --baseline-commit "${baseline_commit} (${sha:0:12})")
  echo "== this checkout" >&2
fi
"$root/catwalk" models >/dev/null       # builds the CLI (.build/cli) for the startup and workers measurements
# The published build, as the README's Install section makes it, for the startup measurement.
dotnet publish "$root/src/Catwalk.Cli" -c Release -r linux-x64 -o "$root/.build/published" --nologo -v quiet "-clp:ErrorsOnly;NoSummary" >&2
dotnet run -c Release --project "$root/bench/Catwalk.Bench" -- --catwalk "$root/.build/cli/catwalk.dll" --published "$root/.build/published" ${args[@]+"${args[@]}"} ${compare[@]+"${compare[@]}"}
