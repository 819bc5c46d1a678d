#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what the tests need (idempotently), then the Rust
# tests (unit, integration through App, the tidy test, the command-line tests).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use. Installed only when missing, so a second run is quick and offline.
packages=(pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Cài đặt gói Debian: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The core: a plain `cargo test` at the root never compiles WebKit (default-members).
cargo test --locked --all-targets
