#!/usr/bin/env bash
# Checks that everything the tests read from outside the repository is here (run first by
# `make test`, after scripts/setup.sh --test): every path of scripts/test-needs.tsv, and every
# Python package of scripts/test-requirements.txt in the tests' virtual environment.
# Prints each missing one with the Debian package (or pip requirement) to install; exits 1 then.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=0
while IFS=$'\t' read -r path package why; do
  [[ -z $path || $path == \#* ]] && continue
  if [[ ! -e $path ]]; then
    echo "missing: $path ($why): apt-get install -y $package" >&2
    missing=$((missing + 1))
  fi
done < scripts/test-needs.tsv

python=${DINH_PYTHON:-.build/venv/bin/python}
if [[ ! -x $python ]]; then
  echo "missing: $python, the tests' Python: run scripts/setup.sh --test (needs apt-get install -y python3-venv)" >&2
  missing=$((missing + 1))
else
  # Each requirement's distribution must be installed (names as pip knows them).
  if ! "$python" - scripts/test-requirements.txt <<'EOF'
import re, sys
from importlib import metadata
absent = []
for line in open(sys.argv[1], encoding="utf-8"):
    name = re.split(r"[\s=<>!~\[;#]", line.strip(), maxsplit=1)[0]
    if not name:
        continue
    try:
        metadata.version(name)
    except metadata.PackageNotFoundError:
        absent.append(name)
for name in absent:
    print(f"missing: Python package {name} in {sys.executable}: run scripts/setup.sh --test", file=sys.stderr)
sys.exit(len(absent))
EOF
  then missing=$((missing + 1)); fi
fi

if ((missing)); then
  echo "check-setup: $missing missing; run scripts/setup.sh --test (or make test), which installs them" >&2
  exit 1
fi
echo "check-setup: every file and command the tests need is here"
