#!/usr/bin/env bash
# Tests the Windows installer under Wine, as a user without administrator rights would meet it: a silent install of
# an older version, the user's data made, the upgrade to this version, then the uninstall. Checks what a user would
# notice: where the program lands, the Start-menu and desktop shortcuts with their Vietnamese name, the uninstall
# entry in HKCU, and that the data folder (registers, backups, evidence) outlives the upgrade and the uninstall.
#
# Usage: src-tauri/windows/test-installer.sh   (after scripts/build-windows.sh; needs wine64)
# What Wine does not show: the installer's pages as a person clicks through them (the test is silent, /S), the
# shortcuts' icons as Explorer draws them, and Windows' own "Apps" list (it reads the same HKCU key checked here).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/windows
stage="$out/stage"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' src-tauri/Cargo.toml | head -n 1)
setup="$out/cchc-setup-$version.exe"
[ -f "$setup" ] || { echo "Chưa có $setup: chạy scripts/build-windows.sh trước" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'WINEPREFIX="$tmp/prefix" wineserver -k 2>/dev/null || true; rm -rf "$tmp"' EXIT
# A prefix of its own, and a HOME of its own: Wine links the prefix's Desktop and Documents to $HOME.
export WINEPREFIX="$tmp/prefix" WINEDEBUG=-all HOME="$tmp/home" WINEDLLOVERRIDES="mscoree,mshtml="
mkdir -p "$HOME"
wineboot -i >/dev/null 2>&1
wineserver -w

# An older version to upgrade from: the same files but a cchc-app.exe that differs, so that the upgrade is seen
# replacing it.
old_setup="$tmp/cchc-setup-0.0.1.exe"
cp -r "$stage" "$tmp/old-stage"
echo "0.0.1" >>"$tmp/old-stage/cchc-app.exe"
makensis -V1 -INPUTCHARSET UTF8 -DVERSION=0.0.1 -DSTAGE="$tmp/old-stage" -DOUT="$old_setup" src-tauri/windows/installer.nsi

user_dir="$WINEPREFIX/drive_c/users/$(id -un)"
install_dir="$user_dir/AppData/Local/Programs/cchc"
name="Sổ theo dõi cải cách hành chính"
start_menu="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/$name.lnk"
desktop="$HOME/$name.lnk"
[ -L "$user_dir/Desktop" ] || desktop="$user_dir/Desktop/$name.lnk"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cchc'
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
reg_value() { wine reg query "$key" /v "$1" 2>/dev/null | tr -d '\r' | awk -v v="$1" '$1 == v { print $3 }'; }
# A key's default value ("(Default)" in the listing), all its words.
reg_default() { wine reg query "$1" /ve 2>/dev/null | tr -d '\r' | sed -n 's/^[[:space:]]*([^)]*)[[:space:]]*REG_SZ[[:space:]]*//p'; }
run_silent() { wine "$@" /S; wineserver -w; }

run_silent "$old_setup"
check "bản cũ 0.0.1 được cài, không cần quyền quản trị" test "$(reg_value DisplayVersion)" = 0.0.1
check "bản cũ: cchc-app.exe của bản cũ" cmp -s "$install_dir/cchc-app.exe" "$tmp/old-stage/cchc-app.exe"

# The user's data, where the window (Tauri's app data folder) and the command line keep it.
for data in "$user_dir/AppData/Roaming/vn.cchc.desktop" "$user_dir/AppData/Roaming/cchc"; do
  mkdir -p "$data/backups" "$data/evidence"
  echo register >"$data/register.cchc"
  echo backup >"$data/backups/register-20261207-010203-auto.cchc"
  echo evidence >"$data/evidence/quyet-dinh.pdf"
done
data_intact() {
  for data in "$user_dir/AppData/Roaming/vn.cchc.desktop" "$user_dir/AppData/Roaming/cchc"; do
    [ "$(cat "$data/register.cchc")" = register ] && [ -f "$data/backups/register-20261207-010203-auto.cchc" ] &&
      [ -f "$data/evidence/quyet-dinh.pdf" ] || return 1
  done
}

run_silent "$setup"
check "nâng cấp lên $version: mục gỡ cài đặt mang số phiên bản mới" test "$(reg_value DisplayVersion)" = "$version"
check "nâng cấp: cùng thư mục %LOCALAPPDATA%\\Programs\\cchc" test "$(reg_value InstallLocation)" = \
  "C:\\users\\$(id -un)\\AppData\\Local\\Programs\\cchc"
for f in cchc-app.exe cchc.exe WebView2Loader.dll uninstall.exe; do
  check "nâng cấp: có $f trong thư mục cài đặt" test -f "$install_dir/$f"
done
check "nâng cấp: cchc-app.exe là bản mới" cmp -s "$install_dir/cchc-app.exe" "$stage/cchc-app.exe"
check "lối tắt trong menu Start: \"$name\"" test -f "$start_menu"
check "lối tắt trên màn hình nền: \"$name\"" test -f "$desktop"
check "nâng cấp giữ nguyên sổ, bản sao lưu, tài liệu kiểm chứng" data_intact
# A report file double-clicked opens in the program (its window takes it into the import); registers and backup
# copies have their own extensions and no association.
check "tệp báo cáo .cchcbc mở bằng chương trình" test "$(reg_default 'HKCU\Software\Classes\.cchcbc')" = cchc.TepBaoCao
command=$(reg_default 'HKCU\Software\Classes\cchc.TepBaoCao\shell\open\command')
check "lệnh mở tệp báo cáo: cchc-app.exe \"%1\" ($command)" \
  test "$command" = "\"C:\\users\\$(id -un)\\AppData\\Local\\Programs\\cchc\\cchc-app.exe\" \"%1\""
check "sổ dữ liệu .cchc không gắn với chương trình nào" test -z "$(reg_default 'HKCU\Software\Classes\.cchc')"
check "không có tệp bcryptprimitives.dll (chỉ dùng khi thử dưới Wine) trong bộ cài" \
  test ! -e "$install_dir/bcryptprimitives.dll"

run_silent "$install_dir/uninstall.exe"
check "gỡ cài đặt: thư mục cài đặt đã xoá" test ! -e "$install_dir"
check "gỡ cài đặt: lối tắt menu Start đã xoá" test ! -e "$start_menu"
check "gỡ cài đặt: lối tắt màn hình nền đã xoá" test ! -e "$desktop"
check "gỡ cài đặt: mục trong danh sách ứng dụng (HKCU) đã xoá" test -z "$(reg_value DisplayVersion)"
check "gỡ cài đặt: kiểu tệp báo cáo đã xoá" test -z "$(reg_default 'HKCU\Software\Classes\.cchcbc')"
check "gỡ cài đặt không đụng đến sổ, bản sao lưu, tài liệu kiểm chứng" data_intact

echo "installer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
