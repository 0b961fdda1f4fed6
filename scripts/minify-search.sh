#!/usr/bin/env bash
# Makes Themes/default/assets/search.min.js, the search script the search page loads, from the
# readable Themes/default/assets/search.js with terser (Debian's `terser` package, installed when
# missing): comments and white space dropped, local names shortened. Its first line names the
# SHA-256 of the search.js it was made from; SearchPageTests fails when search.js has changed
# since, and the ranking tests run the minified copy. Run it after every edit of search.js.
# It also makes assets/search-engine.min.js and templates/search-engine.mustache (the same code,
# which the search page carries inline) from assets/search-engine.js, likewise.
#   scripts/minify-search.sh [--check]    (--check: only say whether the copy is in step)
set -euo pipefail
cd "$(dirname "$0")/.."
source=Themes/default/assets/search.js
target=Themes/default/assets/search.min.js
hash=$(sha256sum "$source" | cut -d' ' -f1)
header="// Minified from search.js (sha256 $hash) by scripts/minify-search.sh: edit search.js, not this."
# The engine, search-engine.js: a file too (the search script loads it where the page's inline
# copy cannot run), and the same code as the partial the search page includes in its <head>.
engine_source=Themes/default/assets/search-engine.js
engine_target=Themes/default/assets/search-engine.min.js
engine_inline=Themes/default/templates/search-engine.mustache
engine_hash=$(sha256sum "$engine_source" | cut -d' ' -f1)
engine_header="// Minified from search-engine.js (sha256 $engine_hash) by scripts/minify-search.sh: edit search-engine.js, not this."
inline_header="{{! Minified from search-engine.js (sha256 $engine_hash) by scripts/minify-search.sh: edit search-engine.js, not this. }}"
if [[ "${1:-}" == "--check" ]]; then
  status=0
  if [[ "$(head -n 1 "$target" 2>/dev/null)" != "$header" ]]; then
    echo "search.min.js was not made from this search.js: run scripts/minify-search.sh" >&2
    status=1
  fi
  if [[ "$(head -n 1 "$engine_target" 2>/dev/null)" != "$engine_header" ]] \
      || [[ "$(head -n 1 "$engine_inline" 2>/dev/null)" != "$inline_header" ]] \
      || [[ "$(tail -n +2 "$engine_target")" != "$(tail -n +2 "$engine_inline")" ]]; then
    echo "search-engine.min.js or search-engine.mustache was not made from this search-engine.js: run scripts/minify-search.sh" >&2
    status=1
  fi
  [[ $status -eq 0 ]] && echo "search.min.js, search-engine.min.js and search-engine.mustache are in step"
  exit $status
fi
terser=/usr/share/nodejs/terser/dist/bundle.min.cjs
if [[ ! -e "$terser" ]]; then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq terser >/dev/null
fi
# Debian's terser finds its modules under /usr/share/nodejs, whichever node runs it. The engine
# goes inside a template: it must hold no "{{" (a Mustache tag) and no "</" (the end of its element).
minify() {
  NODE_PATH=/usr/share/nodejs node -e '
const fs = require("node:fs");
const terser = require(process.argv[1]);
const options = { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { ascii_only: false } };
terser.minify(fs.readFileSync(process.argv[2], "utf8"), options).then((result) => {
  if (process.argv[5] === "inline" && (result.code.includes("{{") || result.code.includes("</"))) {
    console.error(process.argv[2] + ": the minified code holds {{ or </, which the page cannot inline");
    process.exit(1);
  }
  fs.writeFileSync(process.argv[3], process.argv[4] + "\n" + result.code + "\n");
});
' "$terser" "$@"
}
minify "$source" "$target" "$header" file
minify "$engine_source" "$engine_target" "$engine_header" inline
{ echo "$inline_header"; tail -n +2 "$engine_target"; } > "$engine_inline"
echo "wrote $target ($(wc -c < "$target") bytes, from $(wc -c < "$source"))"
echo "wrote $engine_target and $engine_inline ($(tail -n +2 "$engine_target" | wc -c) bytes of script, from $(wc -c < "$engine_source"))"
