#!/usr/bin/env bash
# Makes Themes/default/assets/search.min.js, the search script the search page loads, from the
# readable Themes/default/assets/search.js with terser (Debian's `terser` package, installed when
# missing): comments and white space dropped, local names shortened. Its first line names the
# SHA-256 of the search.js it was made from; SearchPageTests fails when search.js has changed
# since, and the ranking tests run the minified copy. Run it after every edit of search.js.
#   scripts/minify-search.sh [--check]    (--check: only say whether the copy is in step)
set -euo pipefail
cd "$(dirname "$0")/.."
source=Themes/default/assets/search.js
target=Themes/default/assets/search.min.js
hash=$(sha256sum "$source" | cut -d' ' -f1)
header="// Minified from search.js (sha256 $hash) by scripts/minify-search.sh: edit search.js, not this."
if [[ "${1:-}" == "--check" ]]; then
  if [[ "$(head -n 1 "$target" 2>/dev/null)" == "$header" ]]; then echo "search.min.js is in step"; exit 0; fi
  echo "search.min.js was not made from this search.js: run scripts/minify-search.sh" >&2
  exit 1
fi
terser=/usr/share/nodejs/terser/dist/bundle.min.cjs
if [[ ! -e "$terser" ]]; then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq terser >/dev/null
fi
# Debian's terser finds its modules under /usr/share/nodejs, whichever node runs it.
NODE_PATH=/usr/share/nodejs node -e '
const fs = require("node:fs");
const terser = require(process.argv[1]);
const options = { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { ascii_only: false } };
terser.minify(fs.readFileSync(process.argv[2], "utf8"), options).then((result) => {
  fs.writeFileSync(process.argv[3], process.argv[4] + "\n" + result.code + "\n");
});
' "$terser" "$source" "$target" "$header"
echo "wrote $target ($(wc -c < "$target") bytes, from $(wc -c < "$source"))"
