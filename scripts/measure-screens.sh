#!/usr/bin/env bash
# Measures, for BENCHMARKS.md, the time from a click in the window's navigation to the screen drawn with its data, on
# the 10-year generated register (150 procedures, 2016–2025) in the release build, and the report preview of the
# year 2025 report. Builds the release window and `cchc`, makes the register with `cchc bench`, then drives the real
# window through tauri-driver under Xvfb at 1366×768 (e2e/measure-screens.mjs).
#   scripts/measure-screens.sh [RUNS]     (default 7 clicks per screen; the median and the slowest are printed,
#                                          with the commands sent and when their last reply came; VERBOSE=1 names them)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-7}
./scripts/app-deps.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
stamp=e2e/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ e2e/package-lock.json -nt "$stamp" ]; then
  npm --prefix e2e install --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
# COMPOSITING=gpu measures with WebKitGTK's accelerated compositing on (CCHC_GPU_COMPOSITING=1): the window paints on
# the CPU by default (src-tauri/src/lib.rs), because on a machine with no GPU, like the one the figures of
# BENCHMARKS.md come from, compositing goes through Mesa's software OpenGL and costs every paint two to three times
# as much.
if [ "${COMPOSITING:-cpu}" = gpu ]; then
  export CCHC_GPU_COMPOSITING=1
fi
# PROFILE=debug measures the debug window scripts/e2e.sh builds (quicker to rebuild while looking for where the time
# goes); the figures of BENCHMARKS.md are the release build's.
if [ "${PROFILE:-release}" = debug ]; then
  ./scripts/tauri.sh build --debug --no-bundle >/dev/null
  cargo build --locked --release --bin cchc >/dev/null 2>&1
  app="$root/target/debug/cchc-app"
else
  ./scripts/tauri.sh build --no-bundle >/dev/null
  cargo build --locked --release --bin cchc >/dev/null 2>&1
  app="$root/target/release/cchc-app"
fi

work=$(mktemp -d)
data="$work/data"
mkdir -p "$data" "$work/bench"
# The generated register `cchc bench` keeps in its folder (one measuring pass is enough: only the file is wanted).
target/release/cchc bench --dir "$work/bench" --repeat 1 >/dev/null
cp "$work/bench/bench-150-10.cchc" "$data/register.cchc"

for n in $(shuf -i 500-899 -n 60); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { display=":$n"; break; }
done
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
driver=""
cleanup() {
  kill "$xvfb" 2>/dev/null || true
  [ -n "$driver" ] && kill "$driver" 2>/dev/null || true
  pkill -f "$app" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY="$display"
for p in $(shuf -i 5000-5499 -n 60); do
  (echo >/dev/tcp/127.0.0.1/"$p") 2>/dev/null || (echo >/dev/tcp/127.0.0.1/"$((p + 100))") 2>/dev/null || { port=$p; break; }
done
CCHC_DATA_DIR="$data" tauri-driver --port "$port" --native-port $((port + 100)) >"$work/driver.log" 2>&1 &
driver=$!
for _ in $(seq 1 50); do
  (echo >/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
  sleep 0.2
done
echo "Máy: $(nproc) lõi, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(date -u +%Y-%m-%d)"
status=0
CCHC_APP_BIN="$app" CCHC_SCREENSHOTS="$work/shots" TAURI_DRIVER_PORT="$port" RUNS="$runs" \
  node e2e/measure-screens.mjs || status=$?
exit "$status"
