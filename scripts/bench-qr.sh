#!/bin/sh
# Benchmark: COUNT QR codes (default 1000) to PNG + SVG with Dinh, against Debian's `qrencode`
# writing the same COUNT PNGs (same payload, module size, quiet zone, level) in the same run.
# qrencode is one process per code, run by `xargs -P<cores>` so both sides use every core.
# Figures: wall time and peak resident memory from /usr/bin/time -v (for qrencode, of one process).
set -eu
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews wall times)"
COUNT=${1:-1000}
cd "$(dirname "$0")/.."
. scripts/release-build.sh
command -v qrencode >/dev/null || { echo "qrencode missing: apt-get install -y qrencode" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 2; }
CORES=$(nproc)
release_build dinh-bench
BENCH=.build/release/dinh-bench
# BENCH_DIR picks the file system written to (e.g. /dev/shm to leave the disk out of it).
WORK=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/bench-qr.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Dinh: encodes, renders and writes PNG + SVG for every code.
/usr/bin/time -v "$BENCH" qr "$COUNT" "$WORK/dinh" >"$WORK/dinh.out" 2>"$WORK/dinh.time"
cat "$WORK/dinh.out"
PAYLOAD=$(sed -n 's/^payload=\(.*\) version=.*/\1/p' "$WORK/dinh.out")
SCALE=$(sed -n 's/.* scale=\([0-9]*\).*/\1/p' "$WORK/dinh.out")
PREFIX=${PAYLOAD%B0000}

# Dinh again, PNG only: the same work as qrencode below.
/usr/bin/time -v "$BENCH" qr "$COUNT" "$WORK/dinh-png" --png-only >/dev/null 2>"$WORK/dinh-png.time"

# qrencode: the same payloads (the bench codes are B0000…), same pixels per module, 4-module margin, level Q.
mkdir -p "$WORK/qrencode"
seq 0 $((COUNT - 1)) | awk '{ printf "B%04d\n", $1 }' >"$WORK/codes"
/usr/bin/time -v sh -c "xargs -P$CORES -I{} qrencode -o '$WORK/qrencode/{}.png' -s $SCALE -m 4 -l Q '${PREFIX}{}' <'$WORK/codes'" 2>"$WORK/qrencode.time"
/usr/bin/time -v qrencode -o "$WORK/one.png" -s "$SCALE" -m 4 -l Q "${PREFIX}B0000" 2>"$WORK/one.time"

wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
cpu() { awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2fs user + %.2fs sys", u, s }' "$1"; }
DINH_S=$(wall "$WORK/dinh.time"); QRENC_S=$(wall "$WORK/qrencode.time"); DINH_PNG_S=$(wall "$WORK/dinh-png.time")
[ "$(ls "$WORK/dinh" | wc -l)" -eq $((COUNT * 2)) ] || { echo "dinh wrote $(ls "$WORK/dinh" | wc -l) files, expected $((COUNT * 2))" >&2; exit 1; }
[ "$(ls "$WORK/qrencode" | wc -l)" -eq "$COUNT" ] || { echo "qrencode wrote too few files" >&2; exit 1; }
echo "cores=$CORES codes=$COUNT payload=${PREFIX}B0000 module_px=$SCALE"
echo "dinh:     ${DINH_S}s wall ($(cpu "$WORK/dinh.time")) for PNG+SVG, peak RSS $(rss "$WORK/dinh.time") kB, PNG+SVG bytes $(du -sb "$WORK/dinh" | cut -f1)"
echo "dinh:     ${DINH_PNG_S}s wall ($(cpu "$WORK/dinh-png.time")) for PNG only, peak RSS $(rss "$WORK/dinh-png.time") kB"
echo "qrencode: ${QRENC_S}s wall ($(cpu "$WORK/qrencode.time")) for PNG only (xargs -P$CORES), peak RSS per process $(rss "$WORK/one.time") kB, PNG bytes $(du -sb "$WORK/qrencode" | cut -f1)"
awk -v d="$DINH_S" -v p="$DINH_PNG_S" -v q="$QRENC_S" 'BEGIN {
  printf "ratio qrencode PNG / dinh PNG+SVG: %.2fx (%s)\n", q / d, (d < q ? "dinh faster" : "qrencode faster")
  printf "ratio qrencode PNG / dinh PNG:     %.2fx (%s)\n", q / p, (p < q ? "dinh faster" : "qrencode faster") }'
