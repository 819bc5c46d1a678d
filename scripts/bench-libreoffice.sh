#!/usr/bin/env bash
# Times cchc printing the year periodic report and the self-assessment report beside LibreOffice converting a .docx
# of the same content to PDF, on this machine, in one run (BENCHMARKS.md, "Official reports as PDF").
# Installs what it needs when missing: LibreOffice Writer (Debian), python-docx (PyPI, in a venv under target/).
#
#   ./scripts/bench-libreoffice.sh [RUNS]      (RUNS: cold runs of each command, default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v soffice >/dev/null; then
  echo "== Cài LibreOffice Writer (Debian) =="
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui >/dev/null
fi
work=target/bench-libreoffice
mkdir -p "$work"
if [ ! -x "$work/venv/bin/python" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q python-docx
fi
cargo build --release --locked --bin cchc -q
cchc=target/release/cchc

echo "== Sổ thử nghiệm (cchc bench: 150 thủ tục, 10 năm, kế hoạch 60 nhiệm vụ, tự đánh giá 2 năm) =="
"$cchc" bench --dir "$work" --repeat 1 >/dev/null
register="$work/bench-150-10.cchc"

# Median wall time in milliseconds of a command run $runs times, each a fresh process.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

profile="$work/lo-profile"
lo() { soffice -env:UserInstallation="file://$PWD/$profile" --headless --convert-to pdf --outdir "$work/lo" "$@"; }
lo "$work/none.docx" >/dev/null 2>&1 || true # first start writes the profile: not timed

printf '\n| report | cchc pages | cchc cold process (ms) | LibreOffice pages | LibreOffice cold (ms) | LibreOffice warm, per document (ms) |\n'
printf '|---|---|---|---|---|---|\n'
for spec in "periodic:2025" "assessment:2025"; do
  kind="${spec%%:*}"
  period="${spec##*:}"
  "$cchc" --register "$register" bench document --kind "$kind" --period "$period" --out "$work/$kind.json" >/dev/null
  "$work/venv/bin/python" scripts/docx_from_document.py "$work/$kind.json" "$work/$kind.docx"
  "$cchc" --register "$register" report "$kind" $([ "$kind" = assessment ] && echo --year || echo --period) \
    "$period" --out "$work/$kind-cchc.pdf" >/dev/null
  cchc_ms=$(median_ms "$cchc" --register "$register" report "$kind" \
    $([ "$kind" = assessment ] && echo --year || echo --period) "$period" --out "$work/$kind-cchc.pdf")
  lo_ms=$(median_ms lo "$work/$kind.docx")
  # Warm: one LibreOffice process converting 1 and then 11 copies; the difference over 10 is one more document.
  mkdir -p "$work/many"
  for i in $(seq 0 10); do cp "$work/$kind.docx" "$work/many/$kind-$i.docx"; done
  one=$(median_ms lo "$work/many/$kind-0.docx")
  eleven=$(median_ms lo "$work"/many/"$kind"-*.docx)
  warm=$(((eleven - one) / 10))
  cchc_pages=$(pdfinfo "$work/$kind-cchc.pdf" | awk '/^Pages:/ {print $2}')
  lo_pages=$(pdfinfo "$work/lo/$kind.pdf" | awk '/^Pages:/ {print $2}')
  printf '| %s | %s | %s | %s | %s | %s |\n' "$kind" "$cchc_pages" "$cchc_ms" "$lo_pages" "$lo_ms" "$warm"
done
echo
echo "Warm cchc (in-process, no start-up): ./target/release/cchc bench --dir $work"
"$cchc" bench --dir "$work" --repeat 50 | grep -E "Báo cáo"
