#!/usr/bin/env bash
# Prove the Windows installer works: in a fresh Wine prefix (or, on a Windows
# runner, natively) install silently, run the installed command line to write and
# export the sample case offscreen, check the letter from here with python-docx,
# check the .foi association and the uninstall entry, uninstall silently, and check
# that the program is gone and the officer's files are kept. Then the same for an
# all-users install.
#
#   packaging/smoke-windows.sh [FOI-Desktop-<version>-Setup.exe]
#
# FOI_DESKTOP_KEEP_SMOKE=1 keeps the Wine prefix for a look afterwards.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

VERSION=$(app_version)
INSTALLER=${1:-$PACKAGING_DIR/dist/FOI-Desktop-$VERSION-Setup.exe}
HOST_PYTHON=${PYTHON:-python3}
[ -f "$INSTALLER" ] || die "no installer at $INSTALLER (run packaging/build-windows.sh)"
"$HOST_PYTHON" -c "import docx" 2>/dev/null || die "python-docx is needed here to read the letter (pip install -e .)"

# The command line of this version has `export` once the letter code is in the sources.
grep -q 'add_parser("export"' "$PROJECT_ROOT/foi_desktop/cli.py" && HAS_EXPORT=1 || HAS_EXPORT=0

if [ "$ON_WINDOWS" = 1 ]; then
  export MSYS_NO_PATHCONV=1 MSYS2_ARG_CONV_EXCL="*"  # keep /S and C:\ arguments as they are
  WORK=$(mktemp -d)
else
  ensure_debian_packages wine wine64
  WORK=$(mktemp -d /tmp/foi-desktop-smoke.XXXXXX)
  use_wine_prefix "$WORK/prefix"
fi
cleanup() {
  [ "$ON_WINDOWS" = 1 ] || wineserver -k 2>/dev/null || true
  if [ "${FOI_DESKTOP_KEEP_SMOKE:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

fail() { die "smoke test: $*"; }
ok() { log "ok: $*"; }

win_env() {  # a Windows environment variable, as Windows programs see it
  if [ "$ON_WINDOWS" = 1 ]; then printenv "$1"; else win cmd /c "echo %$1%" | tr -d '\r'; fi
}
unixpath() {
  if [ "$ON_WINDOWS" = 1 ]; then cygpath -u "$1"; else winepath -u "$1" 2>/dev/null | tr -d '\r'; fi
}
reg_value() {  # reg_value KEY NAME|"" -> the value's data, or nothing
  local args=(/v "$2")
  [ -n "$2" ] || args=(/ve)
  win reg query "$1" "${args[@]}" 2>/dev/null | tr -d '\r' | sed -n 's/^ *[^ ].*REG_[A-Z_]* *//p' | head -n1 || true
}
reg_exists() { win reg query "$1" >/dev/null 2>&1; }
wait_for_background_processes() {
  if [ "$ON_WINDOWS" = 1 ]; then sleep 2; else wineserver -w; fi
}
wait_until_gone() {  # the NSIS uninstaller finishes from a copy of itself in %TEMP%
  local tries=0
  wait_for_background_processes
  while [ -e "$1" ] && [ $tries -lt 60 ]; do sleep 1; tries=$((tries + 1)); done
  [ ! -e "$1" ]
}

# --- where things go -------------------------------------------------------------------
LOCALAPPDATA_WIN=$(win_env LOCALAPPDATA)
PROGRAMFILES_WIN=$(win_env ProgramW6432)
APPDATA_DIR=$(unixpath "$(win_env APPDATA)")
LOCALAPPDATA_DIR=$(unixpath "$LOCALAPPDATA_WIN")
START_MENU_DIR=$(unixpath "$(win_env APPDATA)\\Microsoft\\Windows\\Start Menu\\Programs")
[ -d "$APPDATA_DIR" ] && [ -d "$LOCALAPPDATA_DIR" ] || fail "cannot find the user's AppData folders"
USER_INSTALL_WIN=$LOCALAPPDATA_WIN\\Programs\\$APP_NAME
USER_INSTALL=$(unixpath "$USER_INSTALL_WIN")
UNINST_KEY='Software\Microsoft\Windows\CurrentVersion\Uninstall\FOI Desktop'

# The installer as IT hands it out: with a preset settings file and letterhead beside it.
SETUP_DIR=$WORK/setup
mkdir -p "$SETUP_DIR"
cp "$INSTALLER" "$SETUP_DIR/"
cp "$PACKAGING_DIR/foi-desktop-settings.example.json" "$SETUP_DIR/foi-desktop-settings.json"
cp "$PROJECT_ROOT/resources/letterhead.docx" "$SETUP_DIR/foi-desktop-letterhead.docx"
SETUP=$SETUP_DIR/$(basename "$INSTALLER")

check_installed() {  # check_installed WINDOWS_FOLDER ROOT(HKCU|HKLM) START_MENU_FOLDER
  local dir root=$2 menu=$3 classes="$2\\Software\\Classes" out exe_win="$1\\$APP_NAME.exe"
  dir=$(unixpath "$1")
  for file in "$APP_NAME.exe" foi-desktop-cli.exe "Uninstall $APP_NAME.exe" \
              _internal/resources/sample/digitised-records.foi \
              foi-desktop-settings.json foi-desktop-letterhead.docx; do
    [ -f "$dir/$file" ] || fail "$file is not installed in $dir"
  done
  [ -f "$menu/$APP_NAME.lnk" ] || fail "no Start-menu shortcut in $menu"
  ok "files and Start-menu shortcut in $dir"

  [ "$(reg_value "$classes\\.foi" "")" = "FOIDesktop.Case" ] || fail ".foi is not associated in $classes"
  reg_exists "$classes\\.foi\\OpenWithProgids" || fail "no OpenWithProgids for .foi"
  out=$(reg_value "$classes\\FOIDesktop.Case\\shell\\open\\command" "")
  [ "${out,,}" = "\"${exe_win,,}\" \"%1\"" ] || fail "open command is [$out], expected [\"$exe_win\" \"%1\"]"
  reg_exists "$classes\\FOIDesktop.Case\\DefaultIcon" || fail "no DefaultIcon for FOIDesktop.Case"
  reg_exists "$classes\\Applications\\$APP_NAME.exe\\shell\\open\\command" || fail "no Open-with entry"
  ok ".foi association and Open with under $classes"

  [ "$(reg_value "$root\\$UNINST_KEY" DisplayName)" = "$APP_NAME" ] || fail "uninstall entry: DisplayName"
  [ "$(reg_value "$root\\$UNINST_KEY" DisplayVersion)" = "$VERSION" ] || fail "uninstall entry: DisplayVersion"
  [ -n "$(reg_value "$root\\$UNINST_KEY" Publisher)" ] || fail "uninstall entry: Publisher"
  [ -n "$(reg_value "$root\\$UNINST_KEY" EstimatedSize)" ] || fail "uninstall entry: EstimatedSize"
  [ -n "$(reg_value "$root\\$UNINST_KEY" DisplayIcon)" ] || fail "uninstall entry: DisplayIcon"
  [[ "$(reg_value "$root\\$UNINST_KEY" QuietUninstallString)" == *" /S" ]] || fail "uninstall entry: QuietUninstallString"
  ok "uninstall entry under $root (version $VERSION, $(reg_value "$root\\$UNINST_KEY" EstimatedSize) KB)"
}

check_removed() {  # check_removed FOLDER ROOT
  local dir=$1 root=$2
  wait_until_gone "$dir" || fail "$dir is still there after the uninstall: $(ls -A "$dir" | head)"
  reg_exists "$root\\$UNINST_KEY" && fail "the uninstall entry is still under $root"
  reg_exists "$root\\Software\\Classes\\FOIDesktop.Case" && fail "FOIDesktop.Case is still under $root"
  reg_exists "$root\\Software\\Classes\\Applications\\$APP_NAME.exe" && fail "Open-with entry is still under $root"
  [ -z "$(reg_value "$root\\Software\\Classes\\.foi" "")" ] || fail ".foi is still associated under $root"
  ok "program folder, association and uninstall entry removed under $root"
}

# --- per-user install, without admin rights ---------------------------------------------
log "installing per user: $(basename "$SETUP") /S"
win "$SETUP" /S || fail "the silent install failed"
wait_for_background_processes
check_installed "$USER_INSTALL_WIN" HKCU "$START_MENU_DIR"

CLI=$USER_INSTALL/foi-desktop-cli.exe
out=$(win "$CLI" --version | tr -d '\r') || fail "foi-desktop-cli.exe --version failed"
[ "$out" = "FOI Desktop $VERSION" ] || fail "foi-desktop-cli.exe --version printed [$out]"

DOCS=$WORK/documents
mkdir -p "$DOCS"
CASE_WIN=$(winpath "$DOCS/digitised-records.foi")
LETTER_WIN=$(winpath "$DOCS/digitised-records.docx")
export QT_QPA_PLATFORM=offscreen
# Qt's offscreen platform on Windows finds no system fonts by itself: give it some.
if [ "$ON_WINDOWS" = 1 ]; then
  QT_QPA_FONTDIR="$(win_env WINDIR)\\Fonts"
else
  ensure_debian_packages fonts-dejavu-core
  QT_QPA_FONTDIR=$(winpath /usr/share/fonts/truetype/dejavu)
fi
export QT_QPA_FONTDIR
out=$(win "$CLI" sample -o "$CASE_WIN" | tr -d '\r') || fail "sample failed: $out"
[ -s "$DOCS/digitised-records.foi" ] || fail "sample wrote nothing"
out=$(win "$CLI" check "$CASE_WIN" | tr -d '\r') || fail "check failed: $out"
[[ "$out" == *": OK"* ]] || fail "check printed [$out]"
ok "installed command line: sample and check ($out)"
# Statutory deadlines (bank holidays) as the same code computes them here.
expected=$(cd "$PROJECT_ROOT" && "$HOST_PYTHON" -m foi_desktop deadline 2020-05-04) || fail "deadline failed here"
out=$(win "$CLI" deadline 2020-05-04 2>&1 | tr -d '\r') || fail "deadline failed: $out"
[ "$out" = "$expected" ] || fail "deadline printed [$out], expected [$expected]"
ok "deadline for a request of 4 May 2020: $(head -n1 <<<"$out"), bank holidays named as here"
out=$(win "$CLI" check "$(winpath "$DOCS/missing.foi")" 2>&1 | tr -d '\r') && fail "check of a missing file succeeded"
[[ "$out" == "foi-desktop: error: "* ]] || fail "a bad file gave [$out], not one error line"
ok "a missing case file gives one error line and a failure exit code"
if [ "$HAS_EXPORT" = 1 ]; then
  out=$(win "$CLI" export "$CASE_WIN" -o "$LETTER_WIN" | tr -d '\r') || fail "export failed: $out"
  "$HOST_PYTHON" "$PACKAGING_DIR/check_letter.py" "$DOCS/digitised-records.docx" || fail "the exported letter is wrong"
  ok "exported the sample's letter offscreen"
  # IT's preset is read: without the letterhead it names, the export refuses.
  mv "$USER_INSTALL/foi-desktop-letterhead.docx" "$WORK/letterhead.docx"
  out=$(win "$CLI" export "$CASE_WIN" -o "$(winpath "$DOCS/other.docx")" 2>&1) \
    && fail "export ignored the preset's letterhead"
  [[ "$out" == *"foi-desktop-letterhead.docx"* ]] || fail "export without the preset's letterhead said [$out]"
  mv "$WORK/letterhead.docx" "$USER_INSTALL/foi-desktop-letterhead.docx"
  ok "the installed build reads IT's preset beside the executable"
else
  log "skipped export: this version's command line has no export yet"
fi

# The window, rendered offscreen by the installed build (QtWidgets, plugins, fonts).
if grep -q 'add_parser("screenshot"' "$PROJECT_ROOT/foi_desktop/cli.py"; then
  out=$(win "$CLI" screenshot "$(winpath "$DOCS/window.png")" "$CASE_WIN" 2>&1 | tr -d '\r') \
    || fail "screenshot failed: $out"
  [[ "$out" != *Traceback* ]] || fail "the window reported an error: $out"
  [ "$(head -c 8 "$DOCS/window.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "no PNG written"
  [ -z "${FOI_DESKTOP_SMOKE_SCREENSHOT:-}" ] || cp "$DOCS/window.png" "$FOI_DESKTOP_SMOKE_SCREENSHOT"
  ok "the window renders with the sample case ($(stat -c %s "$DOCS/window.png") bytes of PNG)"
fi

# The windowed program opening a case as a double click does. Only natively: Wine 8
# lacks the WinRT UISettings class that Qt's Windows platform asks for at start.
if [ "$ON_WINDOWS" = 1 ]; then
  (unset QT_QPA_PLATFORM QT_QPA_FONTDIR; "$USER_INSTALL/$APP_NAME.exe" "$CASE_WIN") &
  window_pid=$!
  sleep 15
  kill -0 "$window_pid" 2>/dev/null || fail "$APP_NAME.exe closed by itself (wait: $(wait "$window_pid"; echo $?))"
  taskkill /IM "$APP_NAME.exe" /F >/dev/null
  wait "$window_pid" 2>/dev/null || true
  ok "$APP_NAME.exe opens the case and keeps running"
fi

# The officer's own files, which the uninstaller must leave alone.
mkdir -p "$APPDATA_DIR/$APP_NAME" "$LOCALAPPDATA_DIR/$APP_NAME/autosave"
echo '{"organisation": {"name": "Officer'"'"'s own council"}}' >"$APPDATA_DIR/$APP_NAME/settings.json"
cp "$DOCS/digitised-records.foi" "$LOCALAPPDATA_DIR/$APP_NAME/autosave/draft.foi"

log "uninstalling per user: /S"
win "$USER_INSTALL/Uninstall $APP_NAME.exe" /S || fail "the silent uninstall failed"
check_removed "$USER_INSTALL" HKCU
[ -f "$START_MENU_DIR/$APP_NAME.lnk" ] && fail "the Start-menu shortcut is still there"
for kept in "$APPDATA_DIR/$APP_NAME/settings.json" "$LOCALAPPDATA_DIR/$APP_NAME/autosave/draft.foi" \
            "$DOCS/digitised-records.foi"; do
  [ -f "$kept" ] || fail "the uninstaller removed the officer's $kept"
done
ok "the officer's settings, drafts and case files are kept"

# --- all-users install, as IT does it -----------------------------------------------------
if [ -n "$PROGRAMFILES_WIN" ] && [ "${FOI_DESKTOP_SMOKE_ALL_USERS:-1}" = 1 ]; then
  MACHINE_INSTALL_WIN=$PROGRAMFILES_WIN\\$APP_NAME
  MACHINE_INSTALL=$(unixpath "$MACHINE_INSTALL_WIN")
  COMMON_MENU=$(unixpath "$(win_env ProgramData)\\Microsoft\\Windows\\Start Menu\\Programs")
  log "installing for all users: /S /ALLUSERS"
  win "$SETUP" /S /ALLUSERS || fail "the all-users install failed (run it as an administrator)"
  wait_for_background_processes
  check_installed "$MACHINE_INSTALL_WIN" HKLM "$COMMON_MENU"
  out=$(win "$MACHINE_INSTALL/foi-desktop-cli.exe" check "$CASE_WIN" | tr -d '\r') || fail "check failed: $out"
  reg_exists "HKCU\\$UNINST_KEY" && fail "an all-users install wrote the per-user uninstall entry"
  win "$MACHINE_INSTALL/Uninstall $APP_NAME.exe" /S || fail "the all-users uninstall failed"
  check_removed "$MACHINE_INSTALL" HKLM
  [ -f "$APPDATA_DIR/$APP_NAME/settings.json" ] || fail "the all-users uninstall removed the officer's settings"
fi

log "smoke test passed: $(basename "$INSTALLER")"
