#!/usr/bin/env bash
# Cargo's runner for x86_64-pc-windows-gnu (CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER, set by
# scripts/test-windows.sh): runs a Windows .exe under Wine in the test prefix, where the Wine-only stand-in for
# bcryptprimitives.dll (tests/windows/bcryptprimitives.c) is already in system32, so that every .exe the tests spawn
# (cchc.exe, cchc-test-child.exe) finds it too.
set -euo pipefail
: "${WINEPREFIX:?WINEPREFIX is not set: run the Windows tests through scripts/test-windows.sh}"
if [ ! -f "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ]; then
  echo "Thiếu bcryptprimitives.dll trong $WINEPREFIX: hãy chạy scripts/test-windows.sh" >&2
  exit 2
fi
exec wine "$@"
