#!/usr/bin/env bash
# The Windows stage of scripts/test.sh: builds and tests the Windows program from this Linux machine, under Wine.
# Installs what it needs first (idempotently: mingw-w64, nsis, Wine, xdotool, the Rust target), then:
#   0. scripts/build-windows.sh: cchc.exe, cchc-app.exe and the installer;
# in a temporary Wine prefix:
#   1. the core's unit tests (`-p cchc --lib`) and the integration tests (`-p cchc-cli --test it`) built for
#      x86_64-pc-windows-gnu and run under Wine (cargo's runner is tests/windows/wine-runner.sh), but for the tests
#      listed in `skips` below, each with the reason it cannot run there;
#   2. the command line's smoke test (tests/windows/smoke.sh): the cchc.exe the installer ships, under Wine, against
#      the Linux `cchc`;
# each in a Wine prefix of its own:
#   3. the installer: install an older version, upgrade, uninstall (src-tauri/windows/test-installer.sh);
#   4. the app on a PC without WebView2: the Vietnamese message box (src-tauri/windows/test-webview2-missing.sh).
# The tests build with the installer's `windows` profile (Cargo.toml), so the Windows dependencies compile once for
# both, and the code tested is optimised as the shipped code is.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
target=x86_64-pc-windows-gnu

# mingw-w64 cross-compiles (and links rusqlite's bundled SQLite); nsis packs the installer; wine64 runs the .exe
# files, `wine` is its launcher; xdotool finds and answers the message box on the virtual display.
packages=(mingw-w64 nsis wine64 wine xdotool)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Cài đặt gói Debian: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
fi
rustup target list --installed | grep -qx "$target" || rustup target add "$target"

started=$SECONDS
lap() { echo "-- ($1: $(((SECONDS - started) / 60)) phút $(((SECONDS - started) % 60)) giây từ đầu giai đoạn)"; }
./scripts/build-windows.sh
lap "bản Windows và bộ cài đặt"
shipped=target/windows/stage/cchc.exe

# A fresh Wine prefix for this run, removed at the end (its wineserver first). WINEDLLOVERRIDES keeps wineboot from
# looking for Wine's Mono and Gecko, which the tests do not use and which are not installed.
prefix=$(mktemp -d /tmp/cchc-wine.XXXXXX)
export WINEPREFIX=$prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cleanup() { wineserver -k 2>/dev/null || true; rm -rf "$prefix"; }
trap cleanup EXIT
wineboot -i >/dev/null 2>&1
# Wine 8 lacks bcryptprimitives.dll, which every Rust .exe needs; the stand-in goes into the prefix's system32 (see
# tests/windows/bcryptprimitives.c). Test support only: it is never shipped.
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$prefix/drive_c/windows/system32/bcryptprimitives.dll" \
  tests/windows/bcryptprimitives.c tests/windows/bcryptprimitives.def -ladvapi32
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$PWD/tests/windows/wine-runner.sh"
# insta finds the workspace by running `cargo metadata`, a Linux program the Windows test cannot start; name it, and
# never let a failed snapshot write a `.snap.new` file into the checkout.
export INSTA_WORKSPACE_ROOT=$PWD INSTA_UPDATE=no

# Tests that cannot run under Wine, each with its reason (also in ARCHITECTURE.md, "Windows and Wine"). The Linux
# run of scripts/test.sh runs every one of them.
skips=(
  # They read the PDF back with poppler's pdftotext or check it with qpdf: Linux programs, which a Windows process
  # cannot start ("program not found"). The PDF bytes themselves are compared with the Linux build's in smoke.sh.
  report::the_pdf_gives_back_its_text_embeds_subset_fonts_and_passes_qpdf
  report::a_long_report_breaks_pages_and_repeats_table_headers
  report::biểu_06_alone_is_landscape_with_three_header_rows
  report::the_report_compares_with_the_same_period_of_the_year_before
  assessment_report::the_pdf_reads_back_in_nfc_passes_qpdf_and_is_the_same_twice
  cli::the_demo_wards_self_assessment_report_prints_and_is_issued_with_its_own_section_text
  package::the_year_file_carries_the_assessment_its_evidence_and_the_issued_report_and_the_superior_ranks_the_units
  # They stand in for a full disk with a file-size limit (setrlimit(RLIMIT_FSIZE)), which only Unix has; Windows has
  # no per-process limit to fake a full disk with.
  crash::a_full_disk_during_edits_refuses_with_a_clear_code_and_keeps_every_saved_edit
  crash::a_full_disk_during_a_backup_leaves_no_half_written_copy
)
skip_args=()
for s in "${skips[@]}"; do skip_args+=(--skip "$s"); done

echo "-- kiểm thử lõi bản Windows dưới Wine (cargo test --target $target)"
windows_tests=(cargo test --locked --no-fail-fast --profile windows --target "$target" -p cchc --lib -p cchc-cli --test it)
log=$(mktemp /tmp/cchc-wine-tests.XXXXXX)
if ! "${windows_tests[@]}" -- "${skip_args[@]}" 2>&1 | tee "$log"; then
  # Under load, Wine now and then fails to start a child process (CreateProcess: ERROR_INTERNAL_ERROR, os error 1359)
  # where Windows would not. Each failed test is run once more, by name and loudly; a real failure fails twice.
  mapfile -t failed < <(sed -n '/^failures:$/,/^test result:/p' "$log" | sed -n 's/^    \([^ ]*\)$/\1/p' | sort -u)
  rm -f "$log"
  [ ${#failed[@]} -gt 0 ] || exit 1
  echo "-- chạy lại một lần dưới Wine các kiểm thử không đạt: ${failed[*]}"
  "${windows_tests[@]}" -- --exact "${failed[@]}"
fi
rm -f "$log"

echo "-- kiểm thử khói cchc.exe dưới Wine, so với bản Linux"
# The cchc.exe the installer ships. On Linux, the same build as scripts/test.sh's first stage (the core's test
# features), so after that stage this compiles nothing.
cargo test --locked --no-run -p cchc-cli --test it
tests/windows/smoke.sh "$shipped" target/debug/cchc
lap "kiểm thử lõi và kiểm thử khói dưới Wine"

echo "-- bộ cài đặt dưới Wine: cài bản cũ, nâng cấp, gỡ cài đặt"
src-tauri/windows/test-installer.sh
echo "-- cchc-app.exe trên máy chưa có WebView2 (Wine, Xvfb)"
src-tauri/windows/test-webview2-missing.sh
lap "bộ cài đặt và WebView2"
