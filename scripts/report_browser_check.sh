#!/usr/bin/env bash
# Opens `kutip report` pages in a real browser (headless Chromium) and checks
# that they render: title, sections and SVG charts in the DOM, a non-blank
# screenshot with the chart colours, no console message; and that a report of
# hostile articles (`<script>`, `<img onerror>`) keeps them as text.
#
# Usage: bash scripts/report_browser_check.sh [--screenshot PATH]
#   --screenshot PATH  keep the screenshot of the sample corpus's report
#                      (1280x2000), e.g. docs/report.png
#
# Installs chromium (Debian packages) when missing; needs python3 (stdlib only).
set -euo pipefail
cd "$(dirname "$0")/.."

keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshot) keep="$2"; shift 2 ;;
    *) echo "usage: $0 [--screenshot PATH]" >&2; exit 2 ;;
  esac
done

find_chromium() {
  for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! find_chromium >/dev/null || ! command -v python3 >/dev/null; then
  echo "installing chromium (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium chromium-driver python3 >/dev/null
fi
chromium_bin="$(find_chromium)"
echo "browser: $("$chromium_bin" --version 2>/dev/null | head -1)"

cargo build --quiet
kutip="${CARGO_TARGET_DIR:-target}/debug/kutip"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The bundled sample corpus.
"$kutip" extract samples/corpus --out "$work/sample" --quiet
"$kutip" report "$work/sample" --quiet

# Hostile articles: markup in quotes, speakers and ids; tables with a BOM.
mkdir -p "$work/hostile-corpus"
cat >"$work/hostile-corpus/hostile.jsonl" <<'EOF'
{"id": "<img src=x onerror=console.error('kutip-img')>", "title": "<script>console.error('kutip-title')</script>", "text": "Jakarta - \"<script>console.error('kutip-xss')</script> is only text,\" said Budi <b>Santoso</b>.\nRetno Marsudi said \"<img src=x onerror=console.error('kutip-quote')> stays text too.\""}
{"id": "=HYPERLINK(\"http://example.invalid\")", "text": "\"We will wait and see,\" said Sugiono in Jakarta."}
EOF
"$kutip" extract "$work/hostile-corpus" --out "$work/hostile" --excel --quiet || true
"$kutip" report "$work/hostile" --quiet

python3 scripts/report_browser_check.py "$chromium_bin" \
  "$work/sample/report.html" "$work/report.png" "$work/hostile/report.html"

if [ -n "$keep" ]; then
  cp "$work/report.png" "$keep"
  echo "screenshot: $keep"
fi
