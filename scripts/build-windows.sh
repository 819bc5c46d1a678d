#!/usr/bin/env bash
# Builds the Windows installer on this Linux machine: target/windows/cchc-setup-<version>.exe (per user, in
# Vietnamese; src-tauri/windows/installer.nsi). Installs what it needs first, and only what is missing: Debian's
# mingw-w64 (the cross linker) and nsis (makensis), the Rust target x86_64-pc-windows-gnu, the front end's npm
# packages. Then builds the front end, cross-builds cchc.exe (the command line) and cchc-app.exe (the window, with
# WebView2Loader.dll beside it) with the `windows` profile (Cargo.toml: release, optimised for size, stripped) and
# packs the installer. Nothing is downloaded at build
# time beyond those packages (not Tauri's NSIS bundler, which fetches a plugin DLL).
#
# Usage: scripts/build-windows.sh        (CARGO_TARGET_DIR is honoured; the installer is always under target/windows)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
triple=x86_64-pc-windows-gnu

packages=(mingw-w64 nsis)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Cài đặt gói Debian: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
fi
if ! rustup target list --installed | grep -qx "$triple"; then
  echo "Cài đặt đích Rust $triple"
  rustup target add "$triple"
fi
if [ ! -d ui/node_modules ]; then
  echo "Cài đặt gói npm của giao diện (ui/)"
  npm --prefix ui install --no-audit --no-fund --loglevel=error
fi

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' src-tauri/Cargo.toml | head -n 1)
cargo_target=${CARGO_TARGET_DIR:-target}
built="$cargo_target/$triple/windows"
out=target/windows
stage="$out/stage"

echo "== Giao diện (npm run build) =="
npm --prefix ui run build --silent

echo "== cchc.exe, cchc-app.exe ($triple, hồ sơ windows) =="
cargo build --locked --profile windows --target "$triple" -p cchc-cli --bin cchc
# custom-protocol: the window loads the front end embedded in the binary, not a development server.
cargo build --locked --profile windows --target "$triple" -p cchc-app --features tauri/custom-protocol

echo "== Bộ cài đặt (makensis) =="
rm -rf "$stage"
mkdir -p "$stage"
cp "$built/cchc.exe" "$built/cchc-app.exe" "$stage/"
# The WebView2 loader tauri's webview2-com links against at run time on the GNU target (written by its build).
cp "$built/WebView2Loader.dll" "$stage/"
cp src-tauri/icons/icon.ico "$stage/cchc.ico"
setup="$out/cchc-setup-$version.exe"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSTAGE="$(realpath "$stage")" \
  -DOUT="$(realpath -m "$setup")" src-tauri/windows/installer.nsi
for f in "$stage"/cchc.exe "$stage"/cchc-app.exe "$stage"/WebView2Loader.dll "$setup"; do
  awk -v f="$f" -v b="$(stat -c %s "$f")" 'BEGIN { printf "%-40s %6.1f MiB\n", f, b / 1048576 }'
done
echo "Bộ cài đặt: $setup"
