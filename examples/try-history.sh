#!/usr/bin/env bash
# Makes a git repository from the music-app ledger with a few months of history, then shows
# `outcomes diff` and builds the site with its history. Nothing here touches this checkout.
#
#   examples/try-history.sh [OUTCOMES_BINARY]     (default: `outcomes` on PATH)
#
# Commits carry fixed dates and authors, so the same script always gives the same repository.
set -euo pipefail
outcomes="${1:-outcomes}"
# A binary given by a relative path still works after the `cd` below.
case "$outcomes" in */*) outcomes="$(cd "$(dirname "$outcomes")" && pwd)/$(basename "$outcomes")" ;; esac
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(mktemp -d "${TMPDIR:-/tmp}/music-app-history.XXXXXX")"
cp -R "$here/music-app/." "$repo/"
rm -rf "$repo/_site"
cd "$repo"

commit() { # commit DATE AUTHOR MESSAGE
  git add -A
  GIT_AUTHOR_DATE="$1T10:00:00Z" GIT_COMMITTER_DATE="$1T10:00:00Z" \
    git -c user.name="$2" -c user.email="$(echo "$2" | tr -d ' ' | tr 'A-Z' 'a-z')@example.com" \
    -c commit.gpgsign=false commit -q -m "$3"
}
edit() { # edit FILE SED-EXPRESSION
  sed -i.bak "$2" "$1" && rm -f "$1.bak"
}

git init -q -b main 2>/dev/null || git init -q
# September: the ledger as it was planned — payouts still proposed and due later.
edit outcomes/artist-payouts.md 's/^status: active/status: proposed/; s/^due: 2026-11-15/due: 2026-12-15/'
edit outcomes/retain-users.md '/^health:/d; /^health_note:/d'
commit 2026-09-01 "Mei Tanaka" "Start the ledger"
# October: payouts start; the date moves forward.
edit outcomes/artist-payouts.md 's/^status: proposed/status: active/; s/^due: 2026-12-15/due: 2026-11-15/'
commit 2026-10-05 "Jo Martins" "Payouts: start, and promise mid-November"
# November: retention is reported at risk, and the real ledger is restored.
cp "$here/music-app/outcomes/"*.md outcomes/
commit 2026-11-12 "Li Wei" "Retention: report the rollout pause"

echo "A repository with history is at $repo"
echo
echo "\$ outcomes diff HEAD~2 HEAD    # what changed since the ledger started"
"$outcomes" diff HEAD~2 HEAD --today 2026-11-21
echo
echo "\$ outcomes build --today 2026-11-21"
"$outcomes" build . --today 2026-11-21
