#!/usr/bin/env bash
# Measures the desktop app for BENCHMARKS.md: cold start to first paint, memory with the demo register open, and the
# size of the .deb. Builds the release binary and the .deb first. Each start uses a fresh data folder whose register is
# a copy of the demo ward, so the window opens straight onto the demo's dashboard.
#   scripts/measure-app.sh [RUNS]     (default 5 starts)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-5}
./scripts/app-deps.sh
./scripts/tauri.sh build --bundles deb >/dev/null
cargo build --locked --release --bin cchc >/dev/null 2>&1
app="$root/target/release/cchc-app"
deb=$(ls target/release/bundle/deb/*.deb | head -n 1)

work=$(mktemp -d)
target/release/cchc demo "$work/demo" >/dev/null
display=":$((70 + RANDOM % 9))"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; pkill -f "$app" 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY="$display"
sleep 1

# Milliseconds since the epoch.
now_ms() { date +%s%3N; }
# True when the screen shows more than one colour in the window's area (something was painted).
painted() {
  local sd
  sd=$(import -window root -crop 1280x760+0+0 png:- 2>/dev/null | convert png:- -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
  awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }'
}
# Resident and proportional memory (MiB) of a process and all its descendants (the WebKit helper processes).
memory() {
  local pids rss=0 pss=0
  pids=$(pstree -p -T "$1" | grep -o '([0-9]\+)' | tr -d '()')
  for p in $pids; do
    [ -r "/proc/$p/smaps_rollup" ] || continue
    rss=$((rss + $(awk '/^Rss:/ {print $2}' "/proc/$p/smaps_rollup")))
    pss=$((pss + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup")))
  done
  echo "$((rss / 1024)) $((pss / 1024))"
}

for i in $(seq 1 "$runs"); do
  data="$work/data-$i"
  mkdir -p "$data"
  cp "$work/demo/demo.cchc" "$data/register.cchc"
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
  start=$(now_ms)
  CCHC_DATA_DIR="$data" "$app" >/dev/null 2>&1 &
  pid=$!
  until painted; do sleep 0.02; done
  paint=$(( $(now_ms) - start ))
  sleep 5
  read -r rss pss < <(memory "$pid")
  echo "start $i: first paint ${paint} ms; memory with the demo open: RSS ${rss} MiB, PSS ${pss} MiB"
  import -window root -crop 1280x760+0+0 "$root/target/measure-window.png" 2>/dev/null || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo ".deb: $deb $(stat -c %s "$deb") bytes ($(du -h "$deb" | cut -f1)); installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"
