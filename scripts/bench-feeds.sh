#!/usr/bin/env bash
# Products benchmark: N synthetic OCOP products (Vietnamese and English text, no images), for
# 1,000 and 10,000 products to show that time and peak memory grow linearly. Goal: 10,000
# products to pages and all feeds under 5 s on 2 cores.
#   1. `dinh build`: every page in both languages, QR landings, codes and placards, all feeds,
#      sitemap; a first build into an empty folder, then a rebuild. (Without photos, Google's and
#      Meta's feeds leave every item out, with a warning each: products.json has them all.)
#   2. `dinh-bench feeds`: load + every feed + JSON-LD + feed checks, with a published photo per
#      product so that every item enters every feed.
#   scripts/bench-feeds.sh            # 1k and 10k
#   scripts/bench-feeds.sh 10000      # one size
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-trash.sh
source scripts/release-build.sh
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000)
release_build dinh-bench dinh

generate() { # folder count photos(yes|no)
  python3 - "$1" "$2" "$3" <<'PY'
import os, sys
c, n, photos = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "yes"
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
        f"price: {50000 + i % 5000}\n{sale}weight: 300 g\n{'images: [photo.jpg]' if photos else ''}\n"
        f"unit: {{vi: hộp 300 g, en: 300 g box}}\n---\n{text}\n")
    if photos:
        # A photo file the loader can find; `dinh-bench feeds` gives it a published variant.
        open(f"{d}/photo.jpg", "wb").write(b"\xff\xd8")
    open(f"{d}/index.en.md", "w").write("---\n---\n" + "A traditional cake of sticky rice, molasses & ginger. " * 5 + "\n")
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

echo "products benchmark, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for n in "${sizes[@]}"; do
  work=$PWD/bench-out/products-$n
  set_aside "$work"; mkdir -p "$work"
  generate "$work/content" "$n" no
  generate "$work/feeds-content" "$n" yes
  sync
  read -r cold cold_mb < <(measure .build/release/dinh build "$work/content" --output "$work/public" --quiet)
  .build/release/dinh build "$work/content" --output "$work/public" --quiet 2>/dev/null   # the previous site is kept from now on
  read -r warm warm_mb < <(measure .build/release/dinh build "$work/content" --output "$work/public" --quiet)
  pages=$(find "$work/public" -name index.html | wc -l)
  files=$(find "$work/public" -type f | wc -l)
  # The disk's own floor for this site: the same folders and files (hard links kept) copied by
  # cp -a into an empty folder, after the build's files are written out. The contract's pages
  # each have a folder (products/<slug>/, q/<CODE>/…): on this machine's ext4 a folder costs
  # about 0.1 ms of kernel time, whoever makes it.
  sync
  read -r floor _ < <(measure cp -a "$work/public" "$work/floor")
  folders=$(find "$work/floor" -type d | wc -l)
  printf "%6d products: dinh build, first %6.2f s (peak %4d MB), rebuild %6.2f s (peak %4d MB): %d HTML pages, %d files\n" \
    "$n" "$cold" "$cold_mb" "$warm" "$warm_mb" "$pages" "$files"
  printf "        the file system's floor: cp -a of that site (%d folders, %d files) into an empty folder %6.2f s; first build / floor %.2f\n" \
    "$folders" "$files" "$floor" "$(awk -v a="$cold" -v b="$floor" 'BEGIN { print (b > 0 ? a / b : 0) }')"
  # The same first build in memory (tmpfs), the content copied there with an empty cache: Dinh's
  # own work, apart from the disk (see bench-trash.sh).
  if [[ -d /dev/shm && -w /dev/shm ]]; then
    content_in_memory "$work/content"
    sync   # the disk builds' files written out first, not during this one
    read -r shm shm_mb < <(measure .build/release/dinh build "$memory/content" --output "$memory/public" --quiet)
    rm -rf "$memory"
    printf "        the same first build into tmpfs (/dev/shm) %6.2f s (peak %4d MB)   goal ≤ 5 s\n" "$shm" "$shm_mb"
  fi
  .build/release/dinh-bench feeds "$work/feeds-content" "$work/warm" >/dev/null   # warm the file cache
  read -r secs mb < <(measure .build/release/dinh-bench feeds "$work/feeds-content" "$work/feeds")
  printf "        load + all feeds (every item with a photo) + JSON-LD + checks %6.2f s, peak %4d MB\n" "$secs" "$mb"
  sed 's/^/        /' "$work/out.txt"
  ls -l "$work/feeds/feeds" | awk 'NR>1 {printf "          %-28s %8d bytes\n", $9, $5}'
done
