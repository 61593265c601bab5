#!/usr/bin/env bash
# Pages benchmark: N synthetic relics and products (Vietnamese text, no media) built by Dinh,
# and the same number of equivalent Markdown pages built by Hugo with a minimal layout, in the
# same run. Prints wall time, peak memory and the ratio Dinh / Hugo (goal: ≤ 1.0).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-trash.sh
source scripts/release-build.sh
N=${1:-1000}
work=$PWD/bench-out/pages-$N
set_aside "$work"; mkdir -p "$work"
release_build dinh

python3 - "$work" "$N" <<'PY'
import os, sys
work, n = sys.argv[1], int(sys.argv[2])
c = os.path.join(work, "content"); h = os.path.join(work, "hugo")
text = ("Đình làng là nơi thờ Thành hoàng và là trung tâm sinh hoạt văn hóa của cộng đồng làng xã Việt Nam. "
        "Kiến trúc đình mang đậm dấu ấn nghệ thuật dân gian với những mảng chạm khắc tinh xảo. ") * 6
os.makedirs(f"{c}/producers", exist_ok=True)
open(f"{c}/site.yaml", "w").write("title: Bench Đan Phượng\nbase_url: https://bench.example.vn/\nlanguages: [vi]\n")
open(f"{c}/producers/htx.yaml", "w").write("name: HTX Bench\nkind: cooperative\n")
os.makedirs(f"{h}/content/posts", exist_ok=True); os.makedirs(f"{h}/layouts/_default", exist_ok=True)
open(f"{h}/config.toml", "w").write('baseURL = "https://bench.example.vn/"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term", "RSS"]\n')
open(f"{h}/layouts/_default/single.html", "w").write('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n')
open(f"{h}/layouts/_default/list.html", "w").write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n')
for i in range(n):
    if i % 2 == 0:
        d = f"{c}/heritage/dinh-{i}"; os.makedirs(d, exist_ok=True)
        open(f"{d}/index.md", "w").write(f"---\ncode: D{i}\nname: Đình làng số {i}\nkind: đình\nranking: provincial\naddress: Xã Hạ Mỗ, huyện Đan Phượng, Hà Nội\ngeo: [21.08, 105.66]\nsummary: Ngôi đình cổ số {i} bên sông Hồng.\n---\n## Lịch sử\n\n{text}\n\n- Kiến trúc chữ Đinh\n- Cột gỗ lim\n")
    else:
        d = f"{c}/products/san-pham-{i}"; os.makedirs(d, exist_ok=True)
        open(f"{d}/index.md", "w").write(f"---\ncode: P{i}\nname: Chè lam Hà Trung số {i}\nproducer: htx\ncategory: food\nocop: {{stars: 4, year: 2025}}\nprice: 45000\nbrand: Bench\n---\n{text}\n")
    open(f"{h}/content/posts/page-{i}.md", "w").write(f"---\ntitle: Đình làng số {i}\n---\n## Lịch sử\n\n{text}\n\n- Kiến trúc chữ Đinh\n- Cột gỗ lim\n")
PY

measure() { # label command…
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log"; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$log")
  rm -f "$log"
  echo "$wall $rss"
}

# First builds into empty output folders (both tools write everything), each after the disk has
# written out what came before (the other tool's files must not be flushed during its run).
# RUNS_DISK of each, taking turns, each into a new folder (Dinh with an empty cache), compared by
# their medians: one run on this disk swings by a fifth. Nothing is deleted between them (see
# bench-trash.sh). The first run's folders are the ones rebuilt below.
RUNS_DISK=${RUNS_DISK:-5}
disk_dinh=() disk_hugo=()
for ((run = 0; run < RUNS_DISK; run++)); do
  suffix=$([[ $run == 0 ]] && echo "" || echo "-$run")
  rm -rf "$work/content/.dinh-cache"
  sync
  read -r wall mem < <(measure .build/release/dinh build "$work/content" --output "$work/public$suffix" --quiet)
  disk_dinh+=("$wall"); [[ $run == 0 ]] && dinh_cold_mem=$mem
  sync
  read -r wall mem < <(measure hugo --quiet -s "$work/hugo" -d "$work/hugo-public$suffix")
  disk_hugo+=("$wall"); [[ $run == 0 ]] && hugo_cold_mem=$mem
done
dinh_cold=$(median "${disk_dinh[@]}") hugo_cold=$(median "${disk_hugo[@]}")
# Rebuilds, as when an officer edits and builds again: Hugo overwrites its output folder in place;
# Dinh rewrites the previous site kept beside the output (from the second rebuild on), so warm
# up once more and measure the next one.
.build/release/dinh build "$work/content" --output "$work/public" --quiet 2>/dev/null
hugo --quiet -s "$work/hugo" -d "$work/hugo-public" >/dev/null 2>&1
read -r dinh_time dinh_mem < <(measure .build/release/dinh build "$work/content" --output "$work/public" --quiet)
read -r hugo_time hugo_mem < <(measure hugo --quiet -s "$work/hugo" -d "$work/hugo-public")
# The disk's own floor: each tool's output copied by cp -a into an empty folder (what writing
# those folders and files costs this file system, whoever writes them).
sync
read -r dinh_floor _ < <(measure cp -a "$work/public" "$work/floor-dinh")
sync
read -r hugo_floor _ < <(measure cp -a "$work/hugo-public" "$work/floor-hugo")
pages=$(find "$work/public" -name index.html | wc -l)
files=$(find "$work/public" -type f | wc -l)
hugo_pages=$(find "$work/hugo-public" -name index.html | wc -l)
echo "pages benchmark: $N items, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "  Dinh writes $pages HTML pages ($N items, their q/ and Q/ QR landings, home, index, producer) and $files files in all"
echo "  (QR images and placards, feeds, sitemap); Hugo writes $hugo_pages HTML pages ($(hugo version | cut -d' ' -f2))."
printf "  first build, empty output: dinh %6.2f s (peak %4d MB)   hugo %6.2f s (peak %4d MB)   ratio %.2f (medians of %d runs each, taking turns; goal ≤ 1.0)\n" \
  "$dinh_cold" "$dinh_cold_mem" "$hugo_cold" "$hugo_cold_mem" "$(awk -v a="$dinh_cold" -v b="$hugo_cold" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$RUNS_DISK"
echo "    dinh: ${disk_dinh[*]}"
echo "    hugo: ${disk_hugo[*]}"
# The same first builds in memory (tmpfs), sources copied there and Dinh's cache empty as in the
# first build above: the tools' own work, apart from the disk (see bench-trash.sh).
if [[ -d /dev/shm && -w /dev/shm ]]; then
  # RUNS first builds of each tool, taking turns, each into a new folder (Dinh with an empty
  # cache): one run of a third of a second swings by a quarter with what else the machine does,
  # the median of several taken in the same minutes does not.
  RUNS=${RUNS:-9}
  content_in_memory "$work/content"
  cp -r "$work/hugo" "$memory/hugo-source"
  sync   # the disk builds' files written out first, not during these
  dinh_runs=() hugo_runs=()
  for ((run = 0; run < RUNS; run++)); do
    rm -rf "$memory/content/.dinh-cache"
    read -r wall _ < <(measure .build/release/dinh build "$memory/content" --output "$memory/dinh-$run" --quiet)
    dinh_runs+=("$wall")
    read -r wall _ < <(measure hugo --quiet -s "$memory/hugo-source" -d "$memory/hugo-$run")
    hugo_runs+=("$wall")
  done
  rm -rf "$memory"
  dinh_shm=$(median "${dinh_runs[@]}") hugo_shm=$(median "${hugo_runs[@]}")
  printf "  first build into tmpfs:    dinh %6.2f s               hugo %6.2f s               ratio %.2f (medians of %d runs each, taking turns)\n" \
    "$dinh_shm" "$hugo_shm" "$(awk -v a="$dinh_shm" -v b="$hugo_shm" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$RUNS"
  echo "    dinh: ${dinh_runs[*]}"
  echo "    hugo: ${hugo_runs[*]}"
fi
printf "  the file system's floor:   cp -a of dinh's site %6.2f s ($(find "$work/public" -type d | wc -l) folders, $files files), of hugo's %6.2f s ($(find "$work/hugo-public" -type d | wc -l) folders, $hugo_pages files)\n" \
  "$dinh_floor" "$hugo_floor"
printf "  rebuild:                   dinh %6.2f s (peak %4d MB)   hugo %6.2f s (peak %4d MB)   ratio %.2f (goal ≤ 1.0)\n" \
  "$dinh_time" "$dinh_mem" "$hugo_time" "$hugo_mem" "$(awk -v a="$dinh_time" -v b="$hugo_time" 'BEGIN { print (b > 0 ? a / b : 0) }')"
