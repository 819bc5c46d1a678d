#!/usr/bin/env bash
# Runs every test of the project on a fresh machine. Installs what it needs first (idempotently: Debian packages,
# npm packages, tauri-driver), then:
#   1. the core: unit, integration (through App on temporary registers), tidy and command-line tests;
#   2. the desktop shell's tests (compiles WebKit);
#   3. the front end: type check (svelte-check) and unit tests (vitest);
#   3b. fuzzing: every file read from outside, each fuzz target for a few seconds (scripts/fuzz.sh);
#   4. end to end: the real app window under Xvfb driven through WebDriver (scripts/e2e.sh);
#   5. Windows: the installer built, the core's tests and a smoke test of cchc.exe built for Windows and run under
#      Wine, the installer and the missing-WebView2 path under Wine (scripts/test-windows.sh).
# Each stage prints the minutes since the start, so a slow stage shows in CI's log.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/app-deps.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
elapsed() { echo "-- $((SECONDS / 60)) phút $((SECONDS % 60)) giây từ đầu"; }

elapsed
echo "== 1. Lõi (cargo test) =="
# A plain `cargo test` at the root never compiles WebKit (default-members).
cargo test --locked --all-targets

elapsed
echo "== 2. Vỏ ứng dụng (cargo test -p cchc-app) =="
# The shell's build script embeds ui/dist; build the front end first so the shell compiles as it will ship.
npm --prefix ui run build --silent
cargo test --locked -p cchc-app

elapsed
echo "== 3. Giao diện (svelte-check, vitest) =="
npm --prefix ui run check
npm --prefix ui test

elapsed
echo "== 3b. Kiểm thử mờ (cargo fuzz, mỗi đích 5 giây) =="
# Builds the targets with nightly and libFuzzer (fuzz/, its own workspace and target/) and fails on any crash.
./scripts/fuzz.sh 5

elapsed
echo "== 4. Kiểm thử đầu cuối cửa sổ ứng dụng (WebDriver, Xvfb) =="
./scripts/e2e.sh

elapsed
echo "== 5. Bản Windows: bộ cài đặt, lõi và cchc.exe dưới Wine =="
./scripts/test-windows.sh
elapsed
