# outcomes — build, test and try the compiler.
#
#   make site    install what is missing, build in release, compile examples/music-app
#   make test    install what is missing, run the test suite
#   make install install the binary into $(PREFIX)/bin

SWIFT ?= swift
PREFIX ?= /usr/local
EXAMPLE ?= examples/music-app
# Debian packages the build needs: libcmark-gfm (with its GFM extensions) and pkg-config.
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config

.PHONY: site test build deps install clean

# Installs the missing Debian packages, as root or through sudo.
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  command -v apt-get >/dev/null || { echo "apt-get not found: install$$missing by hand" >&2; exit 1; }; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product outcomes

site: build
	@bin="$$($(SWIFT) build -c release --show-bin-path)/outcomes"; \
	for ledger in $(EXAMPLE) examples/ai-builder-pods; do \
	  echo "outcomes check $$ledger"; "$$bin" check "$$ledger" || exit $$?; \
	done; \
	echo; echo "Checked $(EXAMPLE): no errors. The binary is $$bin"

test: deps
	$(SWIFT) test

install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/outcomes" "$(DESTDIR)$(PREFIX)/bin/outcomes"

clean:
	rm -rf .build
