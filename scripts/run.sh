#!/usr/bin/env bash
# Builds and opens the desktop app. It works on the unit's register in the user's data folder; on the first start the
# window offers to create it or to open the demo ward (a separate file, never the unit's own register).
# Installs what it needs first (Debian packages, npm packages). `scripts/run.sh --dev` runs on Vite's dev server.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/app-deps.sh
if [ "${1:-}" = "--dev" ]; then
  exec ./scripts/tauri.sh dev
fi
./scripts/tauri.sh build --no-bundle
exec target/release/cchc-app
