#!/usr/bin/env bash
# Remakes the README's screenshots (docs/screenshots/*.png): an emulated sample batch in a fresh store, a few blind votes
# cast on the vote page, then the overview (light and dark), compare, vote and the HTML report shot with Debian's
# Chromium through Playwright once each page's circuit is live. Offline and free: no fal key is used.
#   scripts/screenshots.sh [OUT_DIR]     # default docs/screenshots
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$(realpath -m "${1:-$root/docs/screenshots}")"
. "$root/scripts/prerequisites.sh"
ensure_system_packages chromium
work="$(mktemp -d)"
dashboard=""
cleanup() { [ -n "$dashboard" ] && kill "$dashboard" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
unset FAL_KEY FAL_ADMIN_KEY # the emulator, whatever the shell has

# The sample look (1 person × 2 outfits × 2 settings), dressed by two image models and animated by four video models.
cp "$root"/assets/samples/*.png "$work/"
sed -e 's/^models: .*/models: [ltx, kling, seedance, luma]/' -e 's/^budget: .*/budget: 100.00/' \
    -e 's/^name: .*/name: sample-lookbook\nimage_models: [nano-banana-edit, seedream-edit]/' "$root/assets/samples/batch.yaml" > "$work/batch.yaml"
"$root/catwalk" batch "$work/batch.yaml" --out "$work/outputs" --emulator --latency-scale 0.01 >/dev/null

dotnet build "$root/tools/Catwalk.Screenshots" -c Release -o "$work/shots" --nologo -v quiet "-clp:ErrorsOnly;NoSummary"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dotnet "$root/.build/cli/catwalk.dll" dashboard --out "$work/outputs" --port "$port" > "$work/dashboard.log" 2>&1 &
dashboard=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/" >/dev/null || { cat "$work/dashboard.log" >&2; exit 1; }

# Votes first (on the vote page), so the report and the overview both weigh them.
dotnet "$work/shots/Catwalk.Screenshots.dll" --url "http://127.0.0.1:$port/" --votes 16 --report "$work/report.html" --out "$work/png" --only-votes
"$root/catwalk" report --out "$work/outputs" --html "$work/report.html" >/dev/null
dotnet "$work/shots/Catwalk.Screenshots.dll" --url "http://127.0.0.1:$port/" --votes 0 --report "$work/report.html" --out "$work/png"
mkdir -p "$out"
cp "$work"/png/*.png "$out/"
ls -l "$out"
