# Sourced by the benchmarks: the release build they measure, made as `make build` makes it. The
# Swift runtime and Foundation are linked into the command (`--static-swift-stdlib`): it starts in
# 10 ms instead of 20 (61 shared libraries were loaded and bound at every start) and builds 1,000
# pages about a tenth faster. Static Foundation links libcurl and libxml2, whose -dev packages
# scripts/setup.sh installs.
release_build() {
  for product in "$@"; do swift build -c release --static-swift-stdlib --product "$product" >/dev/null; done
}
