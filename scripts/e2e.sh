#!/usr/bin/env bash
# End-to-end tests of the real desktop app: builds the real binary (the UI embedded, as users get it), starts a
# virtual display and tauri-driver, and drives the window through WebDriver on a fresh temporary data folder.
# Screenshots land in target/e2e-screenshots/. Called by scripts/test.sh; can be run alone.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
./scripts/app-deps.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

stamp=e2e/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ e2e/package-lock.json -nt "$stamp" ]; then
  npm --prefix e2e install --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi

# A debug build with the UI embedded (custom-protocol), not the dev-server binary that plain `cargo build` makes.
./scripts/tauri.sh build --debug --no-bundle
app="$root/target/debug/cchc-app"
# The command line stands in for the other computers of the work-copy test (e2e/tests/workcopy.test.mjs).
cargo build --locked -p cchc-cli --bin cchc
cli="$root/target/debug/cchc"

data=$(mktemp -d -t cchc-e2e-data-XXXXXX)
# The desktop's file opener (xdg-open) stood in for by a script that notes what it was handed: "In", "Mở tệp" and
# "Mở thư mục" give the system a PDF or a folder, and the tests check which.
opener=$(mktemp -d -t cchc-e2e-opener-XXXXXX)
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >> "$CCHC_E2E_OPENED"\n' >"$opener/xdg-open"
chmod +x "$opener/xdg-open"
export CCHC_E2E_OPENED="$opener/opened.txt"
: >"$CCHC_E2E_OPENED"
shots="$root/target/e2e-screenshots"
rm -rf "$shots" && mkdir -p "$shots"
# A display and a port nobody uses (two runs on one machine must not share them).
for n in $(shuf -i 90-499 -n 60); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { display=":$n"; break; }
done
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
driver_pid=""
cleanup() {
  [ -n "$driver_pid" ] && kill "$driver_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  pkill -f "$app" 2>/dev/null || true
  rm -rf "$data" "$opener"
}
trap cleanup EXIT
export DISPLAY="$display"

for p in $(shuf -i 4400-4999 -n 60); do
  (echo >/dev/tcp/127.0.0.1/"$p") 2>/dev/null || (echo >/dev/tcp/127.0.0.1/"$((p + 100))") 2>/dev/null || { port=$p; break; }
done
PATH="$opener:$PATH" CCHC_DATA_DIR="$data" tauri-driver --port "$port" --native-port $((port + 100)) >"$root/target/tauri-driver.log" 2>&1 &
driver_pid=$!
for _ in $(seq 1 50); do
  (echo >/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
  sleep 0.2
done

CCHC_E2E_DATA="$data" CCHC_APP_BIN="$app" CCHC_CLI_BIN="$cli" CCHC_SCREENSHOTS="$shots" TAURI_DRIVER_PORT="$port" npm --prefix e2e test
echo "Ảnh chụp màn hình: $shots"
