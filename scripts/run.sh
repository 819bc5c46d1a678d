#!/usr/bin/env bash
# Runs the app. Until the desktop window lands (issue 4) this builds the `cchc` command, makes the demo register in
# the user's data folder if it is not there yet (a separate file, never the user's own register) and lists it.
#   scripts/run.sh            the demo ward
#   scripts/run.sh ARGS…      any `cchc` command, e.g. scripts/run.sh --register my.cchc procedures list
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked --release --bin cchc
cchc=target/release/cchc
if [ $# -gt 0 ]; then
  exec "$cchc" "$@"
fi
data="${XDG_DATA_HOME:-$HOME/.local/share}/cchc/demo"
if [ ! -f "$data/demo.cchc" ]; then
  mkdir -p "$data"
  "$cchc" demo "$data"
fi
"$cchc" --register "$data/demo.cchc" unit show
"$cchc" --register "$data/demo.cchc" procedures list --field "Hộ tịch"
"$cchc" --register "$data/demo.cchc" stats show --period "$(date +%Y)-Q3"
"$cchc" --register "$data/demo.cchc" check
