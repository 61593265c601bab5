#!/usr/bin/env bash
# Preview server under load: `dinh serve` on a copy of the demo content whose festival video is
# replaced by a 5 MB one, on loopback only. Prints, and fails on any error:
#   - wrk, DURATION (30 s) with CONNECTIONS (64): a relic page (HTML with the live-reload script
#     added), the stylesheet, and the 5 MB video read by random 1 MB `Range` requests;
#   - the server's memory: resident size before, peak (VmHWM) after, and a limit (MEMORY_LIMIT_MB);
#   - slowloris: 500 connections that send half a request and wait; a new client must still get
#     its page within 2 s;
#   - escapes: encoded `..`, backslashes, absolute-form targets and a symlink planted in the output
#     folder are refused and never return a file from outside it.
# The server is stopped in every case.
set -euo pipefail
source "$(dirname "$0")/release-build.sh"
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
IDLE=${IDLE:-500}
MEMORY_LIMIT_MB=${MEMORY_LIMIT_MB:-300}
work=$PWD/bench-out/serve
rm -rf "$work"; mkdir -p "$work"
for tool in wrk curl ffmpeg python3; do
  command -v "$tool" >/dev/null || { echo "bench-serve: $tool is missing (bash scripts/setup.sh --test installs it)" >&2; exit 1; }
done
release_build dinh
bash scripts/demo-media.sh

# The demo's video is small; a festival clip filmed on a phone is a few MB.
cp -R content "$work/content"
video_source=$work/content/heritage/lang-mieu-trieu-tuong/le-hoi.mp4
ffmpeg -loglevel error -y -f lavfi -i "testsrc2=size=1280x720:rate=25" -t 6 -vf "noise=alls=60:allf=t" \
  -c:v libx264 -preset ultrafast -b:v 7M -maxrate 7M -bufsize 7M -pix_fmt yuv420p -movflags +faststart "$video_source"

.build/release/dinh serve "$work/content" --host 127.0.0.1 --port 0 --output "$work/site" >"$work/serve.log" 2>"$work/serve.err" &
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
port=${url##*:}; port=${port%/}

rss_mb() { awk -v key="$1:" '$1 == key {printf "%.0f", $2 / 1024}' "/proc/$server/status"; }
relic=$(cd "$work/site" && ls -d heritage/*/ | head -1)
video=$(cd "$work/site" && find . -name 'le-hoi*.mp4' | sed 's|^\./||' | head -1)
[[ -n $video ]] || { echo "bench-serve: the video was not published" >&2; exit 1; }
video_size=$(stat -c %s "$work/site/$video")
cat >"$work/ranges.lua" <<EOF
-- A random 1 MB range of the video on every request, as a phone's player seeks.
math.randomseed(42)
request = function()
  local first = math.random(0, $video_size - 1048576)
  return wrk.format(nil, nil, { Range = "bytes=" .. first .. "-" .. (first + 1048575) })
end
EOF

echo "serve benchmark: wrk -t2 -c$CONNECTIONS -d$DURATION on loopback, $(nproc) cores, dinh serve at $url"
echo "  memory before load: $(rss_mb VmRSS) MB resident"
failed=0
load() { # path, label, extra wrk arguments...
  local path=$1 label=$2; shift 2
  local out rps p99 requests non2xx socket
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency "$@" "$url$path")
  echo "$out" >"$work/wrk-$(echo "$label" | tr ' /' '__').txt"
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  non2xx=$(awk -F': ' '/Non-2xx or 3xx responses/ {print $2}' <<<"$out")
  socket=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  printf "  %-56s %9s req/s   p99 %8s   %s requests, %s non-2xx, %s socket errors\n" \
    "$label" "$rps" "$p99" "$requests" "${non2xx:-0}" "${socket:-0}"
  if [[ ${non2xx:-0} != 0 || ${socket:-0} != 0 || -z $rps ]]; then failed=1; fi
}
for path in "$relic" assets/style.css; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url$path")
  [[ $status == 200 ]] || { echo "bench-serve: $url$path answered $status" >&2; exit 1; }
done
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Range: bytes=0-1048575' "$url$video")
[[ $status == 206 ]] || { echo "bench-serve: a Range request for $video answered $status, not 206" >&2; exit 1; }
load "$relic" "/$relic"
load assets/style.css /assets/style.css
load "$video" "/$video ($((video_size / 1024)) KB, 1 MB ranges)" -s "$work/ranges.lua"
peak=$(rss_mb VmHWM)
echo "  memory: $(rss_mb VmRSS) MB resident after load, peak $peak MB (limit $MEMORY_LIMIT_MB MB)"
((peak <= MEMORY_LIMIT_MB)) || { echo "bench-serve: the server grew to $peak MB" >&2; failed=1; }

# Slowloris: idle half-requests must not keep a new visitor out.
python3 - "$port" "$IDLE" "$url$relic" <<'EOF' || failed=1
import socket, sys, time, urllib.request
port, count, page = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
idle = []
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    idle.append(s)
time.sleep(1)
start = time.monotonic()
try:
    with urllib.request.urlopen(page, timeout=10) as answer:
        status, size = answer.status, len(answer.read())
except Exception as error:
    print(f"  slowloris: with {count} idle connections open, a new client failed: {error}")
    sys.exit(1)
elapsed = time.monotonic() - start
alive = 0
for s in idle:
    try:
        s.setblocking(False)
        alive += 0 if s.recv(1) == b"" else 1
    except BlockingIOError:
        alive += 1
    except OSError:
        pass
    s.close()
print(f"  slowloris: {count} idle half-requests open ({alive} still held); a new client got {status} ({size} bytes) in {elapsed * 1000:.0f} ms")
sys.exit(0 if status == 200 and elapsed < 2 else 1)
EOF

# Escapes: nothing outside the output folder, however the path is written.
ln -s /etc/passwd "$work/site/planted-link.txt"
escapes=0
for probe in "/../../../../etc/passwd" "/%2e%2e/%2e%2e/%2e%2e/etc/passwd" "/heritage/..%2f..%2f..%2fetc%2fpasswd" \
             "/assets/..%5c..%5c..%5cetc%5cpasswd" "/%2e%2e%2f%2e%2e%2fetc/passwd" "//etc/passwd" \
             "/planted-link.txt" "/assets/%00../../etc/passwd"; do
  body=$(curl -s --path-as-is -o - -w '\n%{http_code}' "$url${probe#/}" || true)
  status=${body##*$'\n'}
  if grep -q 'root:' <<<"$body" || [[ $status == 200 ]]; then
    echo "  escape: $probe answered $status with a file from outside" >&2; escapes=$((escapes + 1))
  fi
done
absolute=$(printf 'GET http://127.0.0.1:%s/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' "$port" \
  | python3 -c 'import socket,sys; s=socket.create_connection(("127.0.0.1",int(sys.argv[1]))); s.sendall(sys.stdin.buffer.read()); print(s.recv(65536).decode("latin-1"))' "$port")
if grep -q 'root:' <<<"$absolute"; then echo "  escape: an absolute-form target left the folder" >&2; escapes=$((escapes + 1)); fi
echo "  escapes: 9 hostile paths (encoded .., backslash, NUL, absolute form, planted symlink), $escapes answered from outside"
((escapes == 0)) || failed=1

if [[ $failed != 0 ]]; then
  echo "bench-serve: failed (details in $work)" >&2
  exit 1
fi
echo "  no errors"
