#!/usr/bin/env bash
# Generates the demo's photos, 360° panoramas and narration audio into content/, so the
# repository stays small. Idempotent: files that exist are kept. Needs ImageMagick, ffmpeg for
# the video clip, and espeak-ng + lame for speech (a tone is used when espeak-ng is missing).
set -euo pipefail
cd "$(dirname "$0")/../content"

magick_cmd() { if command -v magick >/dev/null; then magick "$@"; else convert "$@"; fi; }

# A photo: a warm gradient with the item's name, 1600×1200.
photo() { # file colour1 colour2 label
  [[ -f $1 ]] && return
  magick_cmd -size 1600x1200 "gradient:$2-$3" \
    -fill 'rgba(255,255,255,0.85)' -draw "roundrectangle 120,820 1480,1080 30,30" \
    -fill '#3a2a1a' -font DejaVu-Sans-Bold -pointsize 64 -gravity south -annotate +0+190 "$4" \
    -quality 88 "$1"
}

# An equirectangular panorama (2:1): sky, ground, a ring of red pillars and labelled walls, so a
# viewer shows where it looks. Pillars every 30°, a gate at yaw 0 (the image centre).
panorama() { # file label width
  [[ -f $1 ]] && return
  local w=${3:-4096}; local h=$(( w / 2 ))
  local args=() i x
  for i in $(seq 0 11); do
    x=$(( i * w / 12 ))
    args+=(-fill '#8a1c14' -draw "rectangle $((x+20)),$((h*30/100)) $((x+60)),$((h*62/100))")
  done
  magick_cmd -size "${w}x$((h/2))" 'gradient:#5b8fd6-#dcecf9' \
    \( -size "${w}x$((h/2))" 'gradient:#b59a6a-#4a3b26' \) -append \
    -fill '#6b4a2b' -draw "rectangle $((w*45/100)),$((h*35/100)) $((w*55/100)),$((h*55/100))" \
    "${args[@]}" \
    -fill white -font DejaVu-Sans-Bold -pointsize $((w/40)) -gravity center -annotate +0-$((h/10)) "$2" \
    -annotate +$((w/4))+0 E -annotate -$((w/4))+0 W -annotate +$((w/2 - w/40))+0 S \
    -quality 85 "$1"
}

# An MP3 of what `speaker` says (speak_wav: a text; speak_cues: a transcript's cues).
mp3() { # file speaker language text-or-transcript
  [[ -f $1 ]] && return
  local wav; wav=$(mktemp --suffix=.wav)
  "$2" "$wav" "$3" "$4"
  lame --quiet -b 48 -m m "$wav" "$1"
  rm -f "$wav"
}

speak() { mp3 "$1" speak_wav "$2" "$3"; } # file language text

speak_wav() { # wav language text
  local wav=$1
  if command -v espeak-ng >/dev/null; then
    espeak-ng -v "$2" -s 150 -w "$wav" "$3"
  else
    python3 - "$wav" <<'PY'
import math, struct, sys, wave
with wave.open(sys.argv[1], "w") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000)
    w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * t / 16000))) for t in range(16000 * 3)))
PY
  fi
}

# Speech that follows its captions: each cue of a hand-written transcript (*.vtt) spoken from the
# cue's start, so the line the page shows is the one heard (a sentence longer than its cue starts
# the next one late instead of overlapping it), then a second of quiet.
speak_cues() { # wav language transcript
  local parts; parts=$(mktemp -d)
  local cues; cues=$(python3 - "$3" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for start, body in re.findall(r"(\d\d:\d\d:\d\d\.\d{3}) --> \S+\n(.+)", text):
    h, m, s = start.split(":")
    print(f"{int(h) * 3600 + int(m) * 60 + float(s)}\t{body}")
PY
)
  local n=0 start line
  while IFS=$'\t' read -r start line; do
    speak_wav "$parts/$n.wav" "$2" "$line"
    echo "$start" >"$parts/$n.start"
    n=$((n + 1))
  done <<<"$cues"
  python3 - "$parts" "$n" "$1" <<'PY'
import sys, wave
folder, count, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
out, params = bytearray(), None
for i in range(count):
    with wave.open(f"{folder}/{i}.wav") as w:
        params = params or w.getparams()
        frames = w.readframes(w.getnframes())
    at = int(float(open(f"{folder}/{i}.start").read()) * params.framerate) * params.sampwidth
    out += bytes(max(0, at - len(out))) + frames
with wave.open(target, "w") as w:
    w.setparams(params)
    w.writeframes(bytes(out) + bytes(params.framerate * params.sampwidth))
PY
  rm -rf "$parts"
}

# A relic's narration, spoken from its transcript.
narrate() { mp3 "$1" speak_cues "$2" "$3"; } # file language transcript

# A short festival clip (H.264 + AAC, as phones play it): a slow zoom into a photo with spoken
# words following its captions (*.vtt, written by hand and kept in the repository), and its poster.
video() { # file photo language transcript
  [[ -f $1 && -f ${1%.mp4}.jpg ]] && return
  local wav; wav=$(mktemp --suffix=.wav)
  speak_cues "$wav" "$3" "$4"
  ffmpeg -loglevel error -y -loop 1 -i "$2" -i "$wav" -filter_complex \
    "[0:v]scale=1280:960,zoompan=z='min(zoom+0.0012,1.25)':d=200:s=640x360:fps=25,format=yuv420p[v];[1:a]apad[a]" \
    -map '[v]' -map '[a]' -t 8 -c:v libx264 -profile:v baseline -crf 30 -preset veryfast \
    -c:a aac -b:a 64k -movflags +faststart "$1"
  ffmpeg -loglevel error -y -ss 1 -i "$1" -frames:v 1 -q:v 4 "${1%.mp4}.jpg"
  rm -f "$wav"
}

cd heritage/dinh-dai-phung
panorama san-dinh.jpg "San dinh - Courtyard"
panorama dai-dinh.jpg "Dai dinh - Main hall"
photo cong-dinh.jpg '#d9b48f' '#8a5a3c' "Cổng đình Đại Phùng"
photo cham-khac.jpg '#c7a27c' '#5e3b22' "Chạm khắc gỗ"
narrate thuyet-minh.vi.mp3 vi thuyet-minh.vi.vtt
narrate thuyet-minh.en.mp3 en thuyet-minh.en.vtt
speak san-dinh.vi.mp3 vi "Đây là sân đình. Bên phải là cổng tam quan; đi thẳng vào là đại đình."
speak san-dinh.en.mp3 en "This is the courtyard. The three-entrance gate is on your right; straight ahead is the main hall."
cd ../dinh-ha-mo
photo toan-canh.jpg '#e0c9a6' '#7d5b3a' "Đình Hạ Mỗ"
cd ../quan-phuong-tri
panorama san-trong.jpg "Quan Phuong Tri" 2048
photo quan.jpg '#cfe0d8' '#4f6f5f' "Quán Phượng Trì"
cd ../lang-mieu-trieu-tuong
photo lang.jpg '#d8d0b8' '#6a6040' "Lăng miếu Triệu Tường"
video le-hoi.mp4 lang.jpg vi le-hoi.vi.vtt
cd ../../producers
photo htx-che-lam-ha-trung.jpg '#e8d5b0' '#7a5230' "HTX Chè lam Hà Trung"
cd ../products
for dir in */; do
  slug=${dir%/}
  name=$(sed -n "s/^  vi: '\(.*\)'$/\1/p" "$slug/index.md" | head -1)
  (cd "$slug" && photo "$slug-1.jpg" '#fbe7c6' '#d08c3c' "$name" && photo "$slug-2.jpg" '#f3f0e6' '#a89a7a' "$name (2)")
done
echo "Demo media ready."
