#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Follows docs/extending.md section 1 ("An attribute") in a scratch copy of the repository, so
# the recipe stays true: remove an existing row (`same!(IFA_MULTICAST)` in src/msg/addr.rs),
# check that `make docs` notices, add the row back as the recipe's step 2 says, regenerate the
# documentation (step 3) and run the tests step 4 names. The scratch copy shares this
# repository's target directory (path crates get their own artifacts there; registry crates
# are reused).
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
cargo=${CARGO:-cargo}
target=${CARGO_TARGET_DIR:-$repo/target}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() {
  echo "extending-recipe: FAIL: $*" >&2
  exit 1
}

cd "$repo"
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$scratch"
cd "$scratch"
row='        same!(IFA_MULTICAST),'
grep -qxF "$row" src/msg/addr.rs || fail "src/msg/addr.rs has no line '$row' to start from"
grep -q '`IFA_MULTICAST`' docs/translation.md || fail "docs/translation.md does not list IFA_MULTICAST"

docs() {
  NLCOMPAT_UPDATE_DOCS=1 CARGO_TARGET_DIR=$target $cargo test -q -p nlcompat --lib doc:: >/dev/null 2>&1 ||
    fail "make docs failed ($1)"
}

# Without the row the attribute no longer crosses, and the generated table says so.
grep -vxF "$row" src/msg/addr.rs >src/msg/addr.rs.new && mv src/msg/addr.rs.new src/msg/addr.rs
docs "row removed"
if grep -q '`IFA_MULTICAST`' docs/translation.md; then
  fail "docs/translation.md still lists IFA_MULTICAST after its row was removed"
fi

# Step 2: one line in the family's table (after IFA_CACHEINFO, where it was).
awk -v row="$row" '{ print } $0 == "        same!(IFA_CACHEINFO)," { print row }' \
  src/msg/addr.rs >src/msg/addr.rs.new && mv src/msg/addr.rs.new src/msg/addr.rs
[ "$(git -C "$repo" diff --no-index --numstat "$repo/src/msg/addr.rs" src/msg/addr.rs | wc -l)" -eq 0 ] ||
  fail "re-adding the row is not the one-line change the recipe describes"
# Step 3: regenerate; the result is the committed documentation.
docs "row re-added"
cmp -s docs/translation.md "$repo/docs/translation.md" ||
  fail "docs/translation.md after the recipe differs from the committed one"
# Step 4: the tests the recipe names.
CARGO_TARGET_DIR=$target $cargo test -q -p nlcompat --test tables --test translate >/dev/null 2>&1 ||
  fail "tests/tables.rs or tests/translate/ fail after the recipe"
echo "extending-recipe: OK (row removed -> docs changed; row re-added -> docs and tests as committed)"
