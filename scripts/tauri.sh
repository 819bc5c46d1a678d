#!/usr/bin/env bash
# Runs the Tauri CLI for this repository's layout: the shell in src-tauri/, the front end in ui/. The CLI otherwise
# guesses the front end's folder by searching for a package.json, and from the repository root it can pick the wrong
# one; with TAURI_FRONTEND_PATH set, `beforeBuildCommand` / `beforeDevCommand` run in ui/ and the CLI checks that the
# npm @tauri-apps packages and the crates are on matching versions.
#   scripts/tauri.sh build --bundles deb        release binary and .deb under target/release/
#   scripts/tauri.sh build --debug --no-bundle  debug binary with the UI embedded: target/debug/cchc-app
#   scripts/tauri.sh dev                        the window on Vite's dev server (hot reload)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export TAURI_APP_PATH="$root/src-tauri" TAURI_FRONTEND_PATH="$root/ui"
cd "$root/src-tauri"
if [ -x "$root/ui/node_modules/.bin/tauri" ]; then
  exec "$root/ui/node_modules/.bin/tauri" "$@"
fi
# The CLI package ships its binary, so npx needs only the npm registry (and nothing once cached).
exec npx --yes @tauri-apps/cli@2.12.5 "$@"
