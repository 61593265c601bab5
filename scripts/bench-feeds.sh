#!/usr/bin/env bash
# Feeds benchmark: N synthetic OCOP products (Vietnamese text, no images) → every feed, JSON-LD
# and feed checks, measured for 1,000 and 10,000 products to show that time and peak memory
# grow linearly. Goal: 10,000 products under 5 s on 2 cores.
#   scripts/bench-feeds.sh            # 1k and 10k
#   scripts/bench-feeds.sh 10000      # one size
#   WITH_PAGES=1 scripts/bench-feeds.sh   # also `dinh build` (pages and feeds) of the same content
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000)
swift build -c release --product dinh-bench >/dev/null
[[ -z "${WITH_PAGES:-}" ]] || swift build -c release --product dinh >/dev/null

generate() { # folder count
  python3 - "$1" "$2" <<'PY'
import os, sys
c, n = sys.argv[1], int(sys.argv[2])
text = ("Chè lam là món bánh truyền thống làm từ gạo nếp, mật mía, gừng và lạc rang. "
        "Sản phẩm đạt chuẩn **OCOP** & được người tiêu dùng tin dùng <từ lâu>. ") * 5
groups = ["food", "beverage", "herbal", "handicraft", "ornamental"]
os.makedirs(f"{c}/producers", exist_ok=True)
open(f"{c}/site.yaml", "w").write("title: Bench OCOP\nbase_url: https://bench.example.vn/\nlanguages: [vi, en]\ncurrency: VND\npublisher:\n  name: UBND huyện\n")
for p in range(50):
    open(f"{c}/producers/htx-{p}.yaml", "w").write(f"name: HTX Sản xuất số {p} & Cộng sự\nkind: cooperative\n")
for i in range(n):
    d = f"{c}/products/san-pham-{i}"; os.makedirs(d, exist_ok=True)
    sale = f"sale_price: {40000 + i % 5000}\n" if i % 3 == 0 else ""
    open(f"{d}/index.md", "w").write(
        f"---\ncode: P{i}\nname:\n  vi: Chè lam \"Hà Trung\" số {i}\n  en: Ha Trung rice cake no. {i}\n"
        f"producer: htx-{i % 50}\ncategory: {groups[i % 5]}\nocop: {{stars: {3 + i % 3}, year: 2025}}\n"
        f"price: {50000 + i % 5000}\n{sale}weight: 300 g\nimages: [photo.jpg]\nunit: {{vi: hộp 300 g, en: 300 g box}}\n---\n{text}\n")
    # A photo file the loader can find; feeds get its published variant from the benchmark.
    open(f"{d}/photo.jpg", "wb").write(b"\xff\xd8")
    open(f"{d}/index.en.md", "w").write("---\n---\nA traditional cake of sticky rice, molasses & ginger. " * 5 + "\n")
PY
}

measure() { # command… → prints "seconds peakMB", keeps the command's output in $work/out.txt
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >"$work/out.txt" 2>"$log" || { cat "$work/out.txt" "$log"; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$log")
  rm -f "$log"
  echo "$wall $rss"
}

echo "feeds benchmark, $(nproc) cores"
for n in "${sizes[@]}"; do
  work=$PWD/bench-out/feeds-$n
  rm -rf "$work"; mkdir -p "$work"
  generate "$work/content" "$n"
  .build/release/dinh-bench feeds "$work/content" "$work/warm" >/dev/null   # warm the file cache
  read -r secs mb < <(measure .build/release/dinh-bench feeds "$work/content" "$work/feeds")
  printf "%6d products: load + all feeds + JSON-LD + checks %6.2f s, peak %4d MB\n" "$n" "$secs" "$mb"
  sed 's/^/        /' "$work/out.txt"
  ls -l "$work/feeds/feeds" | awk 'NR>1 {printf "          %-28s %8d bytes\n", $9, $5}'
  if [[ -n "${WITH_PAGES:-}" ]]; then
    read -r secs mb < <(measure .build/release/dinh build "$work/content" --output "$work/public" --quiet)
    printf "        dinh build (pages + feeds): %6.2f s, peak %4d MB\n" "$secs" "$mb"
  fi
done
