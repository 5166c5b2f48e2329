#!/bin/sh
# Puts the released `outcomes` binary for this version of the action into DESTINATION, so
# a run needs no Swift toolchain and no build. It is used only when the action runs at the
# tag of its own version (`uses: OWNER/REPOSITORY@vX.Y.Z`): at a branch or a commit the
# sources may differ from any release, and the action builds them instead. The archive is
# checked against the SHA-256 file published beside it.
#
#   action/download-release.sh DESTINATION
#
# Reads ACTION_REPOSITORY and ACTION_REF (what `uses:` named) and, for tests and mirrors,
# OUTCOMES_RELEASES_URL (default https://github.com/ACTION_REPOSITORY/releases/download).
# Exit status: 0 when the binary is in place, 1 when it is not (the reason is printed; the
# caller builds instead).
set -eu
destination=$1
action_path=$(dirname "$0")/..
version=$(sed -n 's/.*current = "\(.*\)".*/\1/p' "$action_path/Sources/OutcomeLedger/Support/ToolVersion.swift")
tag="v$version"
ref=${ACTION_REF:-}
if [ "$ref" != "$tag" ]; then
  echo "outcomes: the action runs at '${ref:-an unnamed version}', not at its release tag $tag; building it instead"
  exit 1
fi
base=${OUTCOMES_RELEASES_URL:-}
if [ -z "$base" ]; then
  if [ -z "${ACTION_REPOSITORY:-}" ]; then
    echo "outcomes: the action's repository is not known, so its releases can't be found; building it instead"
    exit 1
  fi
  base="https://github.com/$ACTION_REPOSITORY/releases/download"
fi
name="outcomes-$version-linux-$(uname -m).tar.gz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for file in "$name" "$name.sha256"; do
  if ! curl --fail --silent --show-error --location --retry 3 --output "$work/$file" "$base/$tag/$file"; then
    echo "outcomes: release $tag has no $file at $base/$tag; building it instead"
    exit 1
  fi
done
if ! (cd "$work" && sha256sum --check --status "$name.sha256"); then
  echo "::warning::outcomes: $name does not match the SHA-256 published with it; building it instead"
  exit 1
fi
mkdir -p "$work/unpacked"
tar -xzf "$work/$name" -C "$work/unpacked" --strip-components=1
if ! "$work/unpacked/outcomes" --version > /dev/null; then
  echo "::warning::outcomes: the released binary does not run on this machine; building it instead"
  exit 1
fi
mkdir -p "$destination"
cp -R "$work/unpacked/." "$destination/"
echo "outcomes: using the released binary of $tag ($name)"
