#!/usr/bin/env bash
# Tests what a user meets when the WebView2 runtime is missing, under Wine on a virtual display (WebView2 never runs
# under Wine, so this is the path Wine shows): cchc-app.exe must show its Vietnamese message box — never Tauri's
# English dialog, a crash or a blank window — and exit cleanly, with code 0, once the user presses OK. Leaves a
# screenshot in target/windows/webview2-missing.png.
#
# Usage: src-tauri/windows/test-webview2-missing.sh   (after scripts/build-windows.sh; needs wine64, Xvfb, xdotool)
# The Rust .exe needs a stand-in for bcryptprimitives.dll under Wine 8 (tests/windows/bcryptprimitives.c): it is
# built here into the temporary Wine prefix only, never beside the shipped files.
set -euo pipefail
cd "$(dirname "$0")/../.."
exe=target/windows/stage/cchc-app.exe
[ -f "$exe" ] || { echo "Chưa có $exe: chạy scripts/build-windows.sh trước" >&2; exit 1; }
shot=target/windows/webview2-missing.png
title="Sổ theo dõi cải cách hành chính"

tmp=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  WINEPREFIX="$tmp/prefix" wineserver -k 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
export WINEPREFIX="$tmp/prefix" WINEDEBUG=-all HOME="$tmp/home" WINEDLLOVERRIDES="mscoree,mshtml="
export CCHC_DATA_DIR="$tmp/data"
mkdir -p "$HOME" "$CCHC_DATA_DIR"

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1024x640x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
wineboot -i >/dev/null 2>&1
# Wine's own Tahoma, the dialogs' font, has no Vietnamese letters with hooks and dots (ả, ổ, ệ show as boxes); Windows'
# Segoe UI has them. DejaVu Sans stands in for it here. A virtual desktop draws the title bar as Windows would.
for font in Tahoma "MS Shell Dlg" "MS Shell Dlg 2" "Segoe UI"; do
  wine reg add 'HKCU\Software\Wine\Fonts\Replacements' /v "$font" /d "DejaVu Sans" /f >/dev/null 2>&1
done
wine reg add 'HKCU\Software\Wine\Explorer' /v Desktop /d Default /f >/dev/null 2>&1
wine reg add 'HKCU\Software\Wine\Explorer\Desktops' /v Default /d 1024x640 /f >/dev/null 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  tests/windows/bcryptprimitives.c tests/windows/bcryptprimitives.def -ladvapi32

wine "$exe" &
app_pid=$!
window=
for _ in $(seq 1 120); do
  window=$(xdotool search --name "^$title\$" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  sleep 0.5
done
passed=0
failed=0
check() { # description, command...
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok: $what"
  else
    failed=$((failed + 1))
    echo "HỎNG: $what"
  fi
}
check "cchc-app.exe không có WebView2: hộp thông báo \"$title\" hiện ra" test -n "$window"
sleep 1
import -display "$display" -window root "$shot"
# Tauri's own dialog would be a second top-level window with an English title; only ours may be there.
others=$(xdotool search --name '.' 2>/dev/null | while read -r w; do xdotool getwindowname "$w"; done |
  grep -v -x -e "$title" -e 'Default IME' -e 'Default - Wine desktop' || true)
check "không có cửa sổ nào khác (hộp thoại tiếng Anh của Tauri)" test -z "$others"
if [ -n "$window" ]; then
  xdotool windowactivate --sync "$window" key --window "$window" Return 2>/dev/null || xdotool key Return
fi
code=timeout
for _ in $(seq 1 40); do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    code=0
    wait "$app_pid" || code=$?
    app_pid=
    break
  fi
  sleep 0.5
done
check "nhấn OK: chương trình thoát gọn (mã 0), không mở cửa sổ trống" test "$code" = 0
echo "Ảnh chụp: $shot"
echo "webview2: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
