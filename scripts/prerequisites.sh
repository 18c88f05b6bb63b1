# Sourced by ./catwalk and ./test: installs what Catwalk needs from Debian when run as root,
# otherwise names the exact command. Nothing else is downloaded.
ensure_system_packages() {
  local missing=()
  command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  for extra in "$@"; do
    case "$extra" in
      chromium) command -v chromium >/dev/null 2>&1 || missing+=(chromium) ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} (once)…" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Catwalk needs ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
}

# The fashion-metrics worker (tools/vision: Node.js, pinned by its package-lock.json, models from npm): installed once
# when npm is there; without it fashion metrics are skipped with one line and everything else works.
#   ensure_vision_worker [--quiet]   # --quiet: say nothing when npm is missing (the metrics say it when asked for)
ensure_vision_worker() {
  local vision="$root/tools/vision"
  [ -f "$vision/node_modules/@vladmandic/human/package.json" ] && [ -f "$vision/models/selfie.json" ] && return 0
  if command -v npm >/dev/null 2>&1; then
    echo "Installing the fashion-metrics worker (tools/vision, once)…" >&2
    "$vision/install.sh" || echo "The fashion-metrics worker did not install; fashion metrics will be skipped (retry: tools/vision/install.sh)." >&2
  elif [ "${1:-}" != "--quiet" ]; then
    echo "Fashion metrics need Node.js and npm (apt-get install -y nodejs npm); they are skipped until then." >&2
  fi
  return 0
}
