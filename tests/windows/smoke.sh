#!/usr/bin/env bash
# The command line as a Windows user runs it, under Wine, checked against the Linux build (called by
# scripts/test-windows.sh, which sets up the Wine prefix): a register in a folder whose path has Vietnamese letters
# and spaces, the demo, a procedure sheet imported, the year report printed byte-identical to the Linux build's (both
# ways), a backup restored, a report file exported under Wine that a Linux superior imports, and the other way round.
# Usage: tests/windows/smoke.sh WINDOWS_CCHC_EXE LINUX_CCHC
set -euo pipefail
exe=$1
linux=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/cchc-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Every run sees the same clock, so both builds print the same dates and backups get known names.
export CCHC_NOW=2026-11-23T09:30

# Wine shows the Linux file system as drive Z:; Windows programs take Windows paths.
win() { printf 'Z:%s' "${1//\//\\}"; }
# cchc.exe under Wine on REGISTER (a Linux path) with the remaining arguments.
w() { local register=$1; shift; wine "$exe" --register "$(win "$register")" "$@"; }
l() { local register=$1; shift; "$linux" --register "$register" "$@"; }
fail() { echo "LỖI (kiểm thử khói cchc.exe): $*" >&2; exit 1; }
step() { echo "-- $*"; }

# A user's documents folder, as on a Vietnamese Windows: C:\Users\Nguyễn Thị Lan\Tài liệu.
docs="$work/Users/Nguyễn Thị Lan/Tài liệu"
mkdir -p "$docs"
ward="$docs/Sổ CCHC/demo.cchc"

step "tạo sổ mẫu bằng cchc.exe trong $(win "$docs")"
out=$(wine "$exe" demo "$(win "$docs/Sổ CCHC")")
[[ $out == *"Đã tạo sổ dữ liệu mẫu tại Z:"*"\\Nguyễn Thị Lan\\Tài liệu\\Sổ CCHC\\demo.cchc"* ]] || fail "demo: $out"
[ -f "$ward" ] || fail "demo.cchc không có trong thư mục có dấu"

step "nhập danh mục thủ tục (tệp CSV có BOM như Excel lưu)"
out=$(w "$ward" procedures import "$(win "$root/tests/fixtures/procedures-ok.csv")")
[[ $out == *"Đã đọc 5 dòng"* ]] || fail "procedures import: $out"
out=$(l "$ward" procedures list --search "dang ky khai sinh")
[[ $out == *"1.001193"* ]] || fail "Linux không thấy thủ tục cchc.exe đã nhập: $out"

step "in báo cáo năm 2025: giống từng byte bản Linux in"
w "$ward" report periodic --period 2025 --out "$(win "$docs/Báo cáo năm 2025 (Wine).pdf")" >/dev/null
l "$ward" report periodic --period 2025 --out "$docs/Báo cáo năm 2025 (Linux).pdf" >/dev/null
cmp "$docs/Báo cáo năm 2025 (Wine).pdf" "$docs/Báo cáo năm 2025 (Linux).pdf" || fail "hai bản PDF khác nhau"
# And from a register the Linux build made: the same bytes from cchc.exe.
linux_ward="$work/linux/demo.cchc"
"$linux" demo "$work/linux" >/dev/null
l "$linux_ward" report periodic --period 2025 --out "$work/linux/bc-linux.pdf" >/dev/null
w "$linux_ward" report periodic --period 2025 --out "$(win "$work/linux/bc-wine.pdf")" >/dev/null
cmp "$work/linux/bc-linux.pdf" "$work/linux/bc-wine.pdf" || fail "PDF của sổ tạo trên Linux khác nhau"

step "sao lưu rồi khôi phục bằng cchc.exe"
out=$(w "$ward" backup now)
[[ $out == "Đã sao lưu và kiểm tra:"* ]] || fail "backup now: $out"
copy="$docs/Sổ CCHC/backups/demo-20261123-093000-manual.cchcsl"
[ -f "$copy" ] || fail "không thấy bản sao $copy"
w "$ward" procedures add --code 9.999001 --name "Thủ tục thêm sau khi sao lưu" --field "Hộ tịch" >/dev/null
out=$(CCHC_NOW=2026-11-23T09:40 w "$ward" backup restore "$(win "$copy")" --yes)
[[ $out == "Đã khôi phục từ Z:"*"Để hoàn tác"* ]] || fail "backup restore: $out"
out=$(l "$ward" procedures list --search "them sau khi sao luu")
[[ $out == *"Không có thủ tục nào phù hợp."* ]] || fail "khôi phục chưa trả sổ về bản sao: $out"
out=$(w "$ward" backup verify)
[[ $out == *"bản sao tốt, 0 bản hỏng."* ]] || fail "backup verify: $out"

# A superior's register with the ward in its list of units (10507 is the demo ward's code).
superior() {
  local run=$1 register=$2 list=$3
  printf 'Mã đơn vị,Tên đơn vị\n10507,Phường Hải Dương\n' > "$list"
  "$run" "$register" init --name "Ủy ban nhân dân thành phố Hải Phòng" --kind "xã" --province "Hải Phòng" \
    --issuer-line "UBND THÀNH PHỐ HẢI PHÒNG" --place-name "Hải Phòng" --code 31 >/dev/null
}

step "tệp báo cáo xuất bằng cchc.exe được cấp trên dùng Linux nhập"
out=$(w "$ward" package export --period 2025 --out "$(win "$docs/Gửi cấp trên/bao cáo 2025.cchcbc")")
[[ $out == "Đã xuất báo cáo kỳ 2025 ra tệp Z:"* ]] || fail "package export: $out"
up="$work/cap-tren-linux/so.cchc"
superior l "$up" "$work/ds-linux.csv"
l "$up" units import "$work/ds-linux.csv" >/dev/null
out=$(l "$up" --json package import "$docs/Gửi cấp trên/bao cáo 2025.cchcbc")
[[ $out == *'"class": "new"'* && $out == *'"written": 1'* ]] || fail "Linux nhập tệp của cchc.exe: $out"
linux_rollup=$(l "$up" rollup --period 2025)
[[ $linux_rollup == *"10507 ┆ Phường Hải Dương"* && $linux_rollup == *"1 gửi quá hạn, 0 chưa gửi."* ]] ||
  fail "bảng tổng hợp trên Linux: $linux_rollup"

step "tệp báo cáo xuất trên Linux được cấp trên dùng cchc.exe nhập"
l "$ward" package export --period 2025 --out "$work/tu-linux.cchc" >/dev/null
up="$work/Cấp trên Wine/so.cchc"
superior w "$up" "$work/ds-wine.csv"
w "$up" units import "$(win "$work/ds-wine.csv")" >/dev/null
out=$(w "$up" --json package import "$(win "$work/tu-linux.cchc")")
[[ $out == *'"class": "new"'* && $out == *'"written": 1'* ]] || fail "cchc.exe nhập tệp của Linux: $out"
# The same ward's same figures roll up the same at both superiors.
wine_rollup=$(w "$up" rollup --period 2025)
[ "$linux_rollup" = "$wine_rollup" ] || fail "bảng tổng hợp khác nhau:
$linux_rollup
---
$wine_rollup"

echo "Kiểm thử khói cchc.exe dưới Wine: đạt."
