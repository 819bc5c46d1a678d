#!/usr/bin/env bash
# Fuzzes every file the program reads from outside (fuzz/: cargo-fuzz, libFuzzer), one target after another:
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# SECONDS_PER_TARGET defaults to 20; with no TARGET every target `cargo fuzz list` names runs. Installs what it needs
# first (idempotently: nightly Rust, cargo-fuzz), builds the targets, and runs each with the corpus it has grown
# before (fuzz/corpus/<target>, kept between runs, not committed) and its committed seeds (fuzz/seeds/<target>).
# Exits non-zero when any target finds a crash (a panic, a wrong error code, a timeout, memory past the limit); the
# input that did it is in fuzz/artifacts/<target>/ and its log in fuzz/target/logs/<target>.log.
# FUZZ_SANITIZER (default none: the core has no unsafe code on Linux) and FUZZ_ARGS (more libFuzzer flags) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
seconds="${1:-20}"
shift || true
sanitizer="${FUZZ_SANITIZER:-none}"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked

cd fuzz
# cargo fuzz has no --locked: check the lock file is current first, as the other builds do.
cargo +nightly metadata --locked --format-version 1 >/dev/null
cargo +nightly fuzz build -s "$sanitizer"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo +nightly fuzz list)
fi
mkdir -p target/logs
# The harness makes its registers and input files under TMPDIR (fuzz/src/lib.rs): one folder, removed at the end.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
total_runs=0
for target in "${targets[@]}"; do
    [ -d "seeds/$target" ] || { echo "no seeds/$target: every target has its seeds" >&2; exit 1; }
    mkdir -p "corpus/$target" "artifacts/$target"
    log="target/logs/$target.log"
    started=$SECONDS
    # The first folder receives what the fuzzer finds; the seeds are only read.
    # shellcheck disable=SC2086
    if TMPDIR="$work" cargo +nightly fuzz run -s "$sanitizer" "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 ${FUZZ_ARGS:-} >"$log" 2>&1; then
        result="ok"
    else
        result="LỖI"
        failed+=("$target")
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    total_runs=$((total_runs + ${runs:-0}))
    printf '%-16s %-4s %10s lần chạy  %4s giây  %s tệp trong kho\n' "$target" "$result" "${runs:-?}" \
        "$((SECONDS - started))" "$(find "corpus/$target" -type f | wc -l)"
    if [ "$result" != "ok" ]; then
        grep -E 'panicked|ERROR: libFuzzer|SUMMARY|Test unit written|artifact_prefix' "$log" | head -20 >&2 || true
    fi
done
echo "Tổng: $total_runs lần chạy trên ${#targets[@]} đích."
if [ ${#failed[@]} -gt 0 ]; then
    echo "Kiểm thử mờ tìm thấy lỗi ở: ${failed[*]} (tệp gây lỗi trong fuzz/artifacts/, nhật ký trong fuzz/target/logs/)" >&2
    exit 1
fi
