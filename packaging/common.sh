# Shared by build-windows.sh and smoke-windows.sh: logging, Debian packages, Wine.
# Sourced, not run. Expects `set -euo pipefail` in the caller.

PACKAGING_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT_ROOT=$(dirname "$PACKAGING_DIR")
BUILD_CACHE=${FOI_DESKTOP_BUILD_CACHE:-/var/cache/foi-desktop-build}
APP_NAME="FOI Desktop"

# Native Windows (Git Bash on a Windows runner) or Linux with Wine.
case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*) ON_WINDOWS=1 ;;
  *) ON_WINDOWS=0 ;;
esac

_started_at=$SECONDS
log() { printf '[%4ds] %s\n' "$((SECONDS - _started_at))" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

app_version() {
  sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$PROJECT_ROOT/foi_desktop/__init__.py"
}

# Install Debian packages that are missing (a fresh Debian 12 as root).
ensure_debian_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing Debian packages: ${missing[*]} (install them as root)"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A quiet 64-bit Wine that never asks to download Mono or Gecko and needs no display.
use_wine_prefix() {
  export WINEPREFIX=$1 WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  unset DISPLAY WAYLAND_DISPLAY
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    log "creating Wine prefix $WINEPREFIX"
    mkdir -p "$WINEPREFIX"
    wineboot --init </dev/null >/dev/null 2>&1 || true
    wineserver -w
    [ -f "$WINEPREFIX/system.reg" ] || die "wineboot could not create $WINEPREFIX"
  fi
}

# Run a Windows program. Under Wine its standard streams must be pipes, not files
# or /dev/null, or Python cannot set them up; the exit code is the program's.
win() {
  if [ "$ON_WINDOWS" = 1 ]; then
    "$@"
  else
    local status
    : | wine "$@" 2> >(cat >&2) | cat
    status=${PIPESTATUS[1]}
    return "$status"
  fi
}

# Windows form of a local path (Wine maps / to Z:).
winpath() {
  if [ "$ON_WINDOWS" = 1 ]; then
    cygpath -w "$1"
  else
    local p
    p=$(realpath -m "$1")
    printf 'Z:%s' "${p//\//\\}"
  fi
}
