#!/usr/bin/env bash
# Installs what building, running and testing the desktop app needs, and only what is missing, so a second run is
# quiet, quick and offline: the Debian packages of WebKitGTK and the headless display, the front end's npm packages,
# and tauri-driver for the end-to-end tests. Used by scripts/run.sh and scripts/test.sh; safe to run any time.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build: WebKitGTK and a C toolchain. Run and test: a virtual display, WebKit's WebDriver, a font with Vietnamese
# letters, ImageMagick's `import` for screenshots; poppler-utils and qpdf check the PDF reports in `cargo test`.
packages=(libwebkit2gtk-4.1-dev build-essential pkg-config file xvfb webkit2gtk-driver fonts-dejavu-core imagemagick
  poppler-utils qpdf)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Cài đặt gói Debian: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  # Another installer may hold dpkg's lock for a while; wait for it rather than fail.
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
fi

# The front end's packages: installed when missing or when the lockfile (or package.json) changed since. npm keeps
# its own record of the last install in node_modules/.package-lock.json. `npm install`, not `npm ci`: the lockfile
# lists no other platforms' CLI packages, which `npm ci` refuses.
if [ -f ui/package.json ]; then
  stamp=ui/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ ui/package.json -nt "$stamp" ] || { [ -f ui/package-lock.json ] && [ ui/package-lock.json -nt "$stamp" ]; }; then
    echo "Cài đặt gói npm của giao diện (ui/)"
    npm --prefix ui install --no-audit --no-fund --loglevel=error
    touch "$stamp"
  fi
fi

# tauri-driver drives the real app through WebDriver in the end-to-end tests.
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  echo "Cài đặt tauri-driver"
  cargo install tauri-driver --version '^2' --locked --quiet
fi
