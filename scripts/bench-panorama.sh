#!/usr/bin/env bash
# Benchmarks the panorama tiler: an 8192×4096 synthetic panorama (JPEG) tiled by `dinh-bench
# panorama`, against the floor measured in the same run with libjpeg-turbo's own tools: `djpeg` of
# the source plus `cjpeg` of as many pixels as the tiles hold. Prints wall time, peak memory, tile
# count and bytes, the ratio to the floor (goal ≤ 2×, peak < 400 MB) and the viewer's page weight.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-trash.sh
source scripts/release-build.sh
quality=${QUALITY:-80}
# Tiles are JPEG (ENCODER=ppm writes raw tiles to inspect, ENCODER=none tiles without writing).
encoder=${ENCODER:-jpeg}
release_build dinh-bench dinh
bench=.build/release/dinh-bench
work=$PWD/bench-out/panorama
set_aside "$work"; mkdir -p "$work"

$bench panorama-synth 8192 "$work/src.ppm"
cjpeg -quality 90 "$work/src.ppm" >"$work/src.jpg"
rm "$work/src.ppm"
sync

# The whole `dinh build` of a relic with this one panorama, cold cache (goal ≤ 1.5× the floor):
# loading, the flat photo variants, tiles, QR code, pages, feeds, publishing. First, before the
# floor's and the tiler's runs write half a gigabyte of intermediate images to the disk.
relic="$work/relic/content/heritage/dinh-bench"
mkdir -p "$relic"
printf 'title: Bench\nbase_url: https://bench.example.vn/\nlanguages: [vi]\n' >"$work/relic/content/site.yaml"
printf -- '---\ncode: DB01\nname: Đình Bench\nkind: đình\nranking: none\naddress: Hà Nội\nscenes:\n  - id: san\n    title: Sân\n    panorama: san.jpg\n---\nLịch sử.\n' >"$relic/index.md"
cp "$work/src.jpg" "$relic/san.jpg"
sync
/usr/bin/time -f "%e %M %U %S" -o "$work/build.time" .build/release/dinh build "$work/relic/content" --output "$work/relic/public" --quiet
read -r build_wall build_kb build_user build_sys <"$work/build.time"
# The same build in memory (tmpfs), the content copied there with an empty cache: Dinh's own work.
if [[ -d /dev/shm && -w /dev/shm ]]; then
  content_in_memory "$work/relic/content"
  /usr/bin/time -f "%e" -o "$work/memory.time" .build/release/dinh build "$memory/content" --output "$memory/public" --quiet
  rm -rf "$memory"
  memory_wall=$(cat "$work/memory.time")
fi

# The tiler alone (goal ≤ 2× the floor).
/usr/bin/time -f "%e %M %U %S" -o "$work/ours.time" $bench panorama "$work/src.jpg" "$work/out" --quality "$quality" --encoder "$encoder" | tee "$work/ours.txt"
read -r ours_wall ours_kb ours_user ours_sys <"$work/ours.time"
pixels=$(sed -n 's/^output pixels: //p' "$work/ours.txt")

# Floor: decode the source, encode the same number of pixels (one tall image: JPEG allows ≤ 65500 rows).
/usr/bin/time -f "%e %U %S" -o "$work/djpeg.time" djpeg "$work/src.jpg" >"$work/decoded.ppm"
width=1024
while ((pixels / width > 65000)); do width=$((width * 2)); done
rows=$((pixels / width))
body=$(($(stat -c %s "$work/decoded.ppm") - 17))   # djpeg writes a 17-byte header for 8192x4096
copies=$(((rows * width * 3 + body - 1) / body))
{ printf 'P6\n%d %d\n255\n' "$width" "$rows"; for _ in $(seq "$copies"); do tail -c +18 "$work/decoded.ppm"; done | head -c $((rows * width * 3)); } >"$work/floor.ppm" || true
/usr/bin/time -f "%e %U %S" -o "$work/cjpeg.time" cjpeg -quality "$quality" "$work/floor.ppm" >"$work/floor.jpg"
read -r dj_wall dj_user dj_sys <"$work/djpeg.time"
read -r cj_wall cj_user cj_sys <"$work/cjpeg.time"
floor=$(echo "$dj_wall + $cj_wall" | bc -l)
floor_cpu=$(echo "$dj_user + $dj_sys + $cj_user + $cj_sys" | bc -l)
ours_cpu=$(echo "$ours_user + $ours_sys" | bc -l)

# One run swings by a third with what else the machine does: the whole build in tmpfs and the
# floor again, RUNS times each, taking turns, compared by their medians.
if [[ -d /dev/shm && -w /dev/shm ]]; then
  RUNS=${RUNS:-5}
  whole_runs=() floor_runs=()
  for ((run = 0; run < RUNS; run++)); do
    content_in_memory "$work/relic/content"
    /usr/bin/time -f "%e" -o "$work/run.time" .build/release/dinh build "$memory/content" --output "$memory/public" --quiet
    whole_runs+=("$(cat "$work/run.time")")
    /usr/bin/time -f "%e" -o "$work/run-djpeg.time" djpeg "$work/src.jpg" >"$memory/decoded.ppm"
    /usr/bin/time -f "%e" -o "$work/run-cjpeg.time" cjpeg -quality "$quality" "$work/floor.ppm" >"$memory/floor.jpg"
    floor_runs+=("$(echo "$(cat "$work/run-djpeg.time") + $(cat "$work/run-cjpeg.time")" | bc -l)")
  done
  rm -rf "$memory"
  whole_median=$(median "${whole_runs[@]}") floor_median=$(median "${floor_runs[@]}")
fi


files=$(find "$work/out" -type f \( -name '*.jpg' -o -name '*.ppm' \) | wc -l)
bytes=$(find "$work/out" -type f \( -name '*.jpg' -o -name '*.ppm' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
# Page weight: what a visitor's phone loads for a relic page with a tour (HTML, CSS, JS; no tiles,
# images or audio), from the demo content built by the release dinh.
bash scripts/demo-media.sh >/dev/null
.build/release/dinh build content --output "$work/site" --quiet 2>/dev/null
page="$work/site/heritage/dinh-dai-phung/index.html"
weight=0; parts=""
# What the page loads at start: its stylesheets and scripts (offline.js comes after the load event).
for file in "$page" $(grep -oE '<(link rel="stylesheet" href|script src)="[^"]+"' "$page" | sed -E 's/^.*="//; s/"$//' | sort -u | sed "s|^\.\./\.\./|$work/site/|"); do
  size=$(wc -c <"$file"); weight=$((weight + size)); parts+=" $(basename "$file")=$size"
done
echo "---"
echo "tiler wall time:     ${ours_wall} s (process, including decode)"
echo "tiler peak memory:   $((ours_kb / 1024)) MB"
echo "tiles + preview:     ${files} files, ${bytes} bytes"
echo "floor (djpeg+cjpeg): ${floor} s  (djpeg ${dj_wall} s, cjpeg of ${pixels} px ${cj_wall} s)"
echo "ratio to floor:      $(echo "scale=2; $ours_wall / $floor" | bc -l)× wall"
echo "whole dinh build:    ${build_wall} s, peak $((build_kb / 1024)) MB, cold cache, one relic with this panorama: $(echo "scale=2; $build_wall / $floor" | bc -l)× the floor (goal ≤ 1.5×)"
[[ -z "${memory_wall:-}" ]] || echo "  the same in tmpfs: ${memory_wall} s, $(echo "scale=2; $memory_wall / $floor" | bc -l)× the floor (the disk apart)"
[[ -z "${whole_median:-}" ]] || echo "  in tmpfs, $RUNS runs each taking turns with the floor: medians ${whole_median} s and ${floor_median} s, $(echo "scale=2; $whole_median / $floor_median" | bc -l)× the floor (whole: ${whole_runs[*]}; floor: ${floor_runs[*]})"
echo "CPU time:            ours ${ours_cpu} s on $(nproc) cores, floor ${floor_cpu} s on one ($(echo "scale=2; $ours_cpu / $floor_cpu" | bc -l)×; load now: $(cut -d' ' -f1 /proc/loadavg))"
echo "relic page weight:   ${weight} B of HTML+CSS+JS (goal < 40 KB = 40960 B):${parts}"
# The big intermediate images go now (three files free no inodes to speak of); the rest is set aside.
rm -f "$work/decoded.ppm" "$work/floor.ppm" "$work/floor.jpg"
