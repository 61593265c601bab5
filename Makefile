# Dinh: `make demo` builds the demo site, `make test` runs every test, `make bench` measures.
# Both install what they need on a fresh Debian machine (scripts/setup.sh).
SWIFT ?= swift
export DINH_PYTHON := $(CURDIR)/.build/venv/bin/python

.PHONY: demo test check-setup docs bench bench-clean bench-pages build install clean fuzz

# The command with the Swift runtime and Foundation linked in (see scripts/release-build.sh).
build:
	bash scripts/setup.sh
	$(SWIFT) build -c release --static-swift-stdlib --product dinh

# The command for everyone on this computer (after `make build`): dinh and its theme, the folder
# beside it, into $(PREFIX)/bin.
PREFIX ?= /usr/local
install:
	@test -x .build/release/dinh || { echo "no dinh built yet: run make build first (then make install)"; exit 1; }
	install -d $(DESTDIR)$(PREFIX)/bin
	rm -rf $(DESTDIR)$(PREFIX)/bin/Dinh_DinhSite.resources
	cp -R .build/release/Dinh_DinhSite.resources $(DESTDIR)$(PREFIX)/bin/
	install -m 755 .build/release/dinh $(DESTDIR)$(PREFIX)/bin/dinh

demo: build
	bash scripts/setup.sh --demo
	bash scripts/demo-media.sh
	.build/release/dinh build content --output public
	@echo "Open public/index.html, or serve the folder: python3 -m http.server -d public"

test: check-setup
	bash scripts/demo-media.sh
	$(SWIFT) build --build-tests
	$(MAKE) --no-print-directory docs
	# The live-preview tests time a real server; they run apart from the tests that block
	# threads for long (browsers, builds), so their timings mean something.
	$(SWIFT) test --skip-build --skip DinhServeTests
	$(SWIFT) test --skip-build --filter DinhServeTests

# The documentation (DocC), in one archive: .build/plugins/Swift-DocC/outputs/Dinh.doccarchive.
# The articles for officers and programmers are in Sources/Dinh/Dinh.docc (content format in
# Vietnamese and English, command line, themes, library guide), with the reference of the public
# modules. A broken link (an article naming API that was renamed) or an undocumented parameter fails
# the step; `make docs DOCC_FLAGS=` only warns. Offline, about 30 s after a build on 2 cores.
DOC_TARGETS := Dinh DinhContent DinhCore DinhFeeds DinhQR DinhSite
DOCC_FLAGS ?= --warnings-as-errors
docs:
	bash scripts/setup.sh
	$(SWIFT) package generate-documentation --enable-experimental-combined-documentation \
		$(addprefix --target ,$(DOC_TARGETS)) $(DOCC_FLAGS)

# Installs the test tools, then checks that every outside file and command the tests read is
# here (scripts/test-needs.tsv), naming the Debian package of any that is missing.
check-setup:
	bash scripts/setup.sh --test
	bash scripts/check-setup.sh

# Each benchmark prints its figures and the ratio against its reference tool, measured in the same run.
# The three that time first builds on disk come first, before the others delete files (see
# scripts/bench-trash.sh); the runs they set aside are deleted at the end.
bench: build
	bash scripts/setup.sh --test
	bash scripts/bench-pages.sh
	bash scripts/bench-panorama.sh
	bash scripts/bench-feeds.sh
	bash scripts/bench-images.sh
	$(DINH_PYTHON) scripts/bench-tour.py
	$(DINH_PYTHON) scripts/bench-search.py
	sh scripts/bench-qr.sh
	bash scripts/bench-serve.sh
	$(MAKE) bench-clean

bench-clean:
	rm -rf bench-out/.trash

# libFuzzer on the readers of untrusted input, FUZZ_SECONDS (default 60) per target, in its own
# build folder (.build-fuzz); not part of make test. Crashes go to .build-fuzz/crashes/.
fuzz:
	bash scripts/setup.sh
	bash scripts/fuzz.sh

clean:
	rm -rf .build .build-fuzz public bench-out
