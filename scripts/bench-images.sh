#!/usr/bin/env bash
# Image pipeline benchmark: COUNT (default 300) generated 3000×2000 photos (JPEG q90) to three
# widths (480, 960, 1600), timed in one run for
#   (a) Dinh, cold cache          (b) Dinh, warm cache (nothing changed)
#   (c) vipsthumbnail, same widths (d) Hugo's image processing (.Resize) on the same photos
# and printed as wall time, peak memory (max RSS) and ratios.
#
# Usage: scripts/bench-images.sh [WORKDIR]   (default .build/bench-images, ignored by git)
# Environment: COUNT=300, DINH_PYTHON (Python with Pillow; default .build/venv/bin/python, made by
# scripts/setup.sh --test). The generated photos are kept in WORKDIR/photos for the next run.
set -euo pipefail
source "$(dirname "$0")/release-build.sh"
cd "$(dirname "$0")/.."
root=$(pwd)
work=${1:-.build/bench-images}
count=${COUNT:-300}
widths=(480 960 1600)
mkdir -p "$work"
work=$(cd "$work" && pwd)
photos=$work/photos-$count
python=${DINH_PYTHON:-$root/.build/venv/bin/python}

for tool in convert vipsthumbnail hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (run scripts/setup.sh --test)" >&2; exit 1; }
done

# --- photos ---------------------------------------------------------------------------------
# ImageMagick's plasma fractal is photo-like (soft gradients plus fine texture) but slow, so a
# few large plasma bases are made and each photo is a different crop, flip and colour balance
# of one of them (Pillow), saved as JPEG q90 (about 1.8 MB, like a phone photo of that size).
if [[ ! -f $photos/.complete ]]; then
  [[ -x $python ]] && "$python" -c 'import PIL' 2>/dev/null \
    || { echo "needs Python with Pillow: run scripts/setup.sh --test or set DINH_PYTHON" >&2; exit 1; }
  echo "Generating $count photos of 3000×2000 in $photos ..."
  rm -rf "$photos" "$work/bases"
  mkdir -p "$photos" "$work/bases"
  for i in 0 1 2 3 4 5; do
    convert -seed $((i + 1)) -size 3400x2400 plasma:fractal -depth 8 "$work/bases/base$i.ppm" &
    if (( i % 2 == 1 )); then wait; fi
  done
  wait
  "$python" - "$work/bases" "$photos" "$count" <<'EOF'
import os, sys
from multiprocessing import Pool
from PIL import Image, ImageFilter
bases_dir, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
bases = [os.path.join(bases_dir, f"base{i}.ppm") for i in range(6)]
def make(n):
    im = Image.open(bases[n % 6])
    x, y = (n * 37) % 400, (n * 53) % 400
    im = im.crop((x, y, x + 3000, y + 2000))
    if n & 1: im = im.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    if n & 2: im = im.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    if n % 3 == 0: im = im.filter(ImageFilter.SHARPEN)   # some photos with crisper detail
    gains = [0.75 + ((n * k * 7) % 50) / 100 for k in (1, 2, 3)]
    im = Image.merge("RGB", [c.point(lambda v, g=g: min(255, int(v * g))) for c, g in zip(im.split(), gains)])
    im.save(os.path.join(out, f"photo-{n:03d}.jpg"), quality=90)
with Pool(os.cpu_count()) as pool:
    pool.map(make, range(count))
EOF
  touch "$photos/.complete"
fi

# --- Dinh -----------------------------------------------------------------------------------
echo "Building dinh-bench (release) ..."
release_build dinh-bench
bench=$(swift build -c release --static-swift-stdlib --show-bin-path)/dinh-bench

measure() {  # name command...: runs it under /usr/bin/time, records "wall-seconds kilobytes cpu-seconds"
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1 \
    || { echo "$name failed:" >&2; cat "$work/$name.log" >&2; exit 1; }
}

joined=$(IFS=,; echo "${widths[*]}")
rm -rf "$work/dinh-out" "$work/dinh-cache"
sync
echo "(a) Dinh, cold cache ..."
measure dinh-cold "$bench" images "$photos" "$work/dinh-out" "$work/dinh-cache" --widths "$joined"
rm -rf "$work/dinh-out"
echo "(b) Dinh, warm cache ..."
measure dinh-warm "$bench" images "$photos" "$work/dinh-out" "$work/dinh-cache" --widths "$joined"
grep -h "images:" "$work/dinh-cold.log" "$work/dinh-warm.log" | sed 's/^/    /'

# --- vipsthumbnail --------------------------------------------------------------------------
# One vipsthumbnail process per width over all photos (it uses every core inside a process),
# same quality as Dinh, metadata stripped.
rm -rf "$work/vips-out"; mkdir -p "$work/vips-out"
cat >"$work/vips.sh" <<EOF
set -e
for w in ${widths[*]}; do
  vipsthumbnail "$photos"/*.jpg --size "\${w}x" -o "$work/vips-out/%s-\${w}w.jpg[Q=80,strip]"
done
EOF
echo "(c) vipsthumbnail ..."
measure vips bash "$work/vips.sh"

# --- Hugo -----------------------------------------------------------------------------------
site=$work/hugo-site
rm -rf "$site"
mkdir -p "$site/content/gallery" "$site/layouts/_default"
cat >"$site/hugo.toml" <<'EOF'
baseURL = "http://example.org/"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[imaging]
quality = 80
EOF
printf -- '---\ntitle: gallery\n---\n' >"$site/content/gallery/index.md"
cat >"$site/layouts/_default/single.html" <<'EOF'
{{ range .Resources.ByType "image" }}{{ $a := .Resize "480x" }}{{ $b := .Resize "960x" }}{{ $c := .Resize "1600x" -}}
<img src="{{ $b.RelPermalink }}" srcset="{{ $a.RelPermalink }} 480w, {{ $b.RelPermalink }} 960w, {{ $c.RelPermalink }} 1600w">
{{ end }}
EOF
cp "$site/layouts/_default/single.html" "$site/layouts/_default/list.html"
: >"$site/layouts/index.html"
cp -l "$photos"/*.jpg "$site/content/gallery/" 2>/dev/null || cp "$photos"/*.jpg "$site/content/gallery/"
echo "(d) Hugo ..."
measure hugo hugo --quiet --source "$site" --cacheDir "$site/.hugo-cache"
hugo_variants=$(find "$site/public/gallery" -name '*_resize_*' | wc -l)

# --- report ---------------------------------------------------------------------------------
cpu() { awk '{printf "%.1f", $3 + $4}' "$work/$1.time"; }
read -r cold_s cold_kb _ <"$work/dinh-cold.time"
read -r warm_s warm_kb _ <"$work/dinh-warm.time"
read -r vips_s vips_kb _ <"$work/vips.time"
read -r hugo_s hugo_kb _ <"$work/hugo.time"
dinh_variants=$(find "$work/dinh-cache" -name '*.jpg' | wc -l)
vips_variants=$(find "$work/vips-out" -name '*.jpg' | wc -l)
echo
echo "$count photos 3000×2000 → widths ${widths[*]} on $(nproc) cores ($(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-22s %9s %9s %12s %10s\n' "" "wall (s)" "CPU (s)" "peak RSS" "variants"
printf '%-22s %9.2f %9s %9d MB %10d\n' "Dinh, cold cache" "$cold_s" "$(cpu dinh-cold)" $((cold_kb / 1024)) "$dinh_variants"
printf '%-22s %9.2f %9s %9d MB %10s\n' "Dinh, warm cache" "$warm_s" "$(cpu dinh-warm)" $((warm_kb / 1024)) "-"
printf '%-22s %9.2f %9s %9d MB %10d\n' "vipsthumbnail" "$vips_s" "$(cpu vips)" $((vips_kb / 1024)) "$vips_variants"
printf '%-22s %9.2f %9s %9d MB %10d\n' "Hugo $(hugo version | awk '{print $2}')" "$hugo_s" "$(cpu hugo)" $((hugo_kb / 1024)) "$hugo_variants"
awk -v c="$cold_s" -v w="$warm_s" -v v="$vips_s" -v h="$hugo_s" 'BEGIN {
  printf "Dinh cold / vipsthumbnail = %.2f   (goal < 1.0)\n", c / v
  printf "Hugo / Dinh cold          = %.1f×  (goal ≥ 10×)\n", h / c
  printf "Dinh warm / cold          = %.1f%%  (goal < 5%%)\n", 100 * w / c
}'
