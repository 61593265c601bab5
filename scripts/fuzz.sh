#!/usr/bin/env bash
# make fuzz: builds dinh-fuzz with libFuzzer and AddressSanitizer (in .build-fuzz, apart from the
# normal build, so `make test` never waits for it) and runs each fuzz target for FUZZ_SECONDS
# (default 60) from its seeds in Fuzz/corpus/<target>. New inputs collect in .build-fuzz/corpus;
# a crash, timeout or out-of-memory input is written to .build-fuzz/crashes/ and fails the run.
# Replay an input with the normal build: swift build --product dinh-fuzz && .build/debug/dinh-fuzz TARGET FILE
#
# Environment: FUZZ_SECONDS=60, FUZZ_TARGETS="front-matter markdown webvtt csv xlsx workbook-xml image",
# FUZZ_RUNS (stop each target after that many runs, if sooner).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-front-matter markdown webvtt csv xlsx workbook-xml image}
scratch=.build-fuzz

echo "Building dinh-fuzz with -sanitize=fuzzer,address in $scratch ..."
mkdir -p "$scratch"
swift build -c debug --product dinh-fuzz --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING \
  -Xcc -fsanitize=fuzzer-no-link,address >"$scratch/build.log" 2>&1 \
  || { tail -30 "$scratch/build.log"; exit 1; }
fuzzer=$scratch/debug/dinh-fuzz
mkdir -p "$scratch/crashes"

failed=0
summary=""
for target in $targets; do
  corpus=$scratch/corpus/$target
  mkdir -p "$corpus"
  dict=()
  [[ -f Fuzz/dict/$target.dict ]] && dict=(-dict="Fuzz/dict/$target.dict")
  runs=()
  [[ -n ${FUZZ_RUNS:-} ]] && runs=(-runs="$FUZZ_RUNS")
  log=$scratch/$target.log
  echo "Fuzzing $target for ${seconds} s ..."
  # Leaks are not looked for: Foundation loses a few bytes here and there (FileManager.contents of
  # an empty file leaks its 4 KB buffer), which is no crash; -rss_limit_mb still stops one that grows.
  set +e
  ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no DINH_FUZZ_TARGET=$target "$fuzzer" "$corpus" "Fuzz/corpus/$target" "${dict[@]}" "${runs[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 \
    -artifact_prefix="$scratch/crashes/$target-" >"$log" 2>&1
  status=$?
  set -e
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
  cov=$(sed -nE 's/.*cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+).*/\1 edges, \2 features, \3 inputs/p' <<<"$done_line")
  if ((status != 0)) && grep -q 'run interrupted' "$log"; then
    failed=1
    summary+=$(printf '%-13s interrupted after %s runs  %s' "$target" "${executed:-?}" "$cov")$'\n'
  elif ((status != 0)); then
    failed=1
    artifact=$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)
    summary+=$(printf '%-13s FAILED after %s runs: %s (see %s)' "$target" "${executed:-?}" "${artifact:-no input saved}" "$log")$'\n'
  else
    summary+=$(printf '%-13s %9s runs  %6s/s  %s  peak %s MB' "$target" "$executed" "$rate" "$cov" "$rss")$'\n'
  fi
done
rm -rf /dev/shm/dinh-fuzz-* 2>/dev/null || true
echo
echo "target             runs  exec/s  coverage"
printf '%s' "$summary"
exit $failed
