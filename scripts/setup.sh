#!/usr/bin/env bash
# Installs what Dinh needs on a fresh Debian machine: the C libraries it links, and, with
# `--test`, every package named in scripts/test-needs.tsv (QR decoders, Chromium, validators…)
# and the Python test tools in .build/venv. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

build_packages=(pkg-config libjpeg62-turbo-dev libpng-dev libqrencode-dev liblcms2-dev)
demo_packages=(imagemagick espeak-ng lame ffmpeg fonts-dejavu-core)
# The packages of the tests' outside files and commands: each path is listed, with its package and
# why, in scripts/test-needs.tsv (TestSetupTests fails when a package there is missing here).
test_packages=(chromium chromium-driver coreutils default-jre-headless espeak-ng ffmpeg fonts-dejavu-core
  fonts-noto-core hugo imagemagick lame libc-bin libgs-common libimage-exiftool-perl libjpeg-turbo-progs
  libreoffice-calc libvips-tools libxml2-utils nodejs poppler-utils python3 python3-venv qrencode time
  util-linux wrk zbar-tools)

want=("${build_packages[@]}")
[[ "${1:-}" == "--demo" ]] && want+=("${demo_packages[@]}")
[[ "${1:-}" == "--test" ]] && want+=("${demo_packages[@]}" "${test_packages[@]}")
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # SwiftPM keeps what pkg-config said in its build plan (.build/*.yaml): a `swift build` tried
  # before the C libraries were here would go on linking without them. Planning again is quick.
  rm -f .build/*.yaml
fi

if [[ "${1:-}" == "--test" ]]; then
  venv=.build/venv
  stamp=$venv/.dinh-requirements
  if [[ ! -f $stamp ]] || ! cmp -s scripts/test-requirements.txt "$stamp"; then
    echo "Preparing the Python test tools in $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r scripts/test-requirements.txt
    # axe-core 4.12 for the WCAG 2.2 rules, without Playwright (only its axe.min.js is used).
    "$venv/bin/pip" install -q --disable-pip-version-check --no-deps axe-playwright-python==0.1.8
    cp scripts/test-requirements.txt "$stamp"
  fi
fi
