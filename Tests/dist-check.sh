#!/usr/bin/env bash
# Proves the binary of `make dist` stands on its own: unpacked outside this repository, run
# with no toolchain on PATH and an empty LD_LIBRARY_PATH, it checks and builds a ledger, and
# `ldd` finds nothing of Swift, Foundation or libcmark-gfm — only the C runtime and libcurl
# (which Foundation's networking, linked in through FlyingFox, needs) with what it needs.
#
#   Tests/dist-check.sh dist/outcomes-VERSION-linux-ARCH.tar.gz LEDGER
set -euo pipefail
source_root="$PWD"
archive="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ledger="$(cd "$2" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$(dirname "$archive")" && sha256sum --check --quiet "$(basename "$archive").sha256")
tar -xzf "$archive" -C "$work"
binary="$(echo "$work"/outcomes-*/outcomes)"
cp -R "$ledger" "$work/ledger"
rm -rf "$work/ledger/_site"

cd "$work"
run() { env -i HOME="$work" PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$binary" "$@"; }
run --version
run check ledger --today 2026-11-21 > /dev/null
run build ledger --today 2026-11-21 --no-history --output site > /dev/null 2>&1
test -s site/index.html && test -s site/assets/style.css

# What the binary still loads: the C runtime, and libcurl with its own libraries.
allowed='^(linux-vdso|ld-linux|libc|libm|libstdc\+\+|libgcc_s|libdl|libpthread|librt)\.'
curl_path="$(ldd "$binary" | awk '/libcurl/ {print $3}')"
curl_closure=""
[ -n "$curl_path" ] && curl_closure="$(ldd "$curl_path" | awk '{print $1}' | xargs -n1 basename)"
problems=0
for library in $(ldd "$binary" | awk '{print $1}' | xargs -n1 basename); do
  if [[ "$library" =~ $allowed ]] || [[ "$library" == libcurl.so* ]] || grep -qxF "$library" <<< "$curl_closure"; then continue; fi
  echo "dist-check: the binary still needs $library" >&2
  problems=1
done
if ldd "$binary" | grep -Eiq 'swift|Foundation|cmark|dispatch|BlocksRuntime'; then
  echo "dist-check: the binary still loads a Swift or libcmark-gfm library:" >&2
  ldd "$binary" >&2
  problems=1
fi
# Built with the source folder mapped to ".", so the binary says nothing of the machine
# that built it and builds in different folders (the Dockerfile's /src) differ less.
if grep -aqF "$source_root/" "$binary"; then
  echo "dist-check: the binary holds paths of the folder it was built in ($source_root)" >&2
  problems=1
fi
[ "$problems" -eq 0 ]
echo "dist-check: $(basename "$archive") ($(du -h "$archive" | cut -f1); binary $(du -h "$binary" | cut -f1)) checks and builds a ledger with no toolchain in reach"
