#!/usr/bin/env bash
# Preview server benchmark: `dinh serve` on the demo content, loaded by wrk on loopback only
# (2 threads, 50 connections, 10 s per URL) against a relic page (HTML with the live-reload
# script added), the stylesheet and a photo. Prints requests/s and p99 latency, and fails if
# any request got a non-2xx answer or a socket error. The server is stopped in every case.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-50}
work=$PWD/bench-out/serve
rm -rf "$work"; mkdir -p "$work"
command -v wrk >/dev/null || { echo "bench-serve: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[[ -x .build/release/dinh ]] || swift build -c release --product dinh >/dev/null
bash scripts/demo-media.sh

.build/release/dinh serve content --host 127.0.0.1 --port 0 --output "$work/site" >"$work/serve.log" 2>"$work/serve.err" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

# Wait (at most 120 s) for the first build and the "Serving on" line.
url=""
for _ in $(seq 1 1200); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -1 || true)
  [[ -n $url ]] && break
  kill -0 "$server" 2>/dev/null || { echo "bench-serve: dinh serve stopped:" >&2; cat "$work/serve.err" >&2; exit 1; }
  sleep 0.1
done
[[ -n $url ]] || { echo "bench-serve: dinh serve did not start in 120 s" >&2; exit 1; }

relic=$(cd "$work/site" && ls -d heritage/*/ | head -1)
photo=$(cd "$work/site" && find heritage -name '*.jpg' | sort | head -1)
targets=("$relic" "assets/style.css")
[[ -n $photo ]] && targets+=("$photo")

echo "serve benchmark: wrk -t2 -c$CONNECTIONS -d$DURATION on loopback, $(nproc) cores, dinh serve at $url"
failed=0
for path in "${targets[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url$path")
  [[ $status == 200 ]] || { echo "bench-serve: $url$path answered $status" >&2; exit 1; }
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency "$url$path")
  echo "$out" > "$work/wrk-$(echo "$path" | tr '/' '_').txt"
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  non2xx=$(awk -F': ' '/Non-2xx or 3xx responses/ {print $2}' <<<"$out")
  socket=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  printf "  %-52s %9s req/s   p99 %8s   %s requests, %s non-2xx, %s socket errors\n" \
    "/$path" "$rps" "$p99" "$requests" "${non2xx:-0}" "${socket:-0}"
  if [[ ${non2xx:-0} != 0 || ${socket:-0} != 0 || -z $rps ]]; then failed=1; fi
done
if [[ $failed != 0 ]]; then
  echo "bench-serve: some requests failed (details in $work)" >&2
  exit 1
fi
echo "  no errors"
