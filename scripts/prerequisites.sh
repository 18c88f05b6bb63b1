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
