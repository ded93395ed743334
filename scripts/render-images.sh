#!/usr/bin/env bash
# Renders the theme's PNG images from their SVG sources in site-theme/src/design with headless
# Chromium, offline. The PNGs are committed; run this only after changing a design:
#   scripts/render-images.sh
# favicon.png (48x48) and apple-touch-icon.png (180x180) come from mark.svg, images/card.png
# (1200x630, the Open Graph and Twitter card image) from card.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
design=site-theme/src/design
assets=site-theme/src/main/jbake/assets
chrome=${CHROME_PATH:-/usr/bin/chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

render() { # svg width height output
  printf '<!DOCTYPE html><html><head><style>html,body{margin:0;background:transparent}img{display:block}</style></head><body><img src="%s" width="%s" height="%s"></body></html>' \
    "$(realpath "$1")" "$2" "$3" > "$work/page.html"
  "$chrome" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$work/profile" \
    --host-resolver-rules='MAP * ~NOTFOUND' --hide-scrollbars --force-device-scale-factor=1 \
    --default-background-color=00000000 --window-size="$2,$3" --screenshot="$4" "file://$work/page.html" 2>/dev/null
  echo "rendered $4"
}

mkdir -p "$assets/images"
render "$design/mark.svg" 48 48 "$assets/favicon.png"
render "$design/mark.svg" 180 180 "$assets/apple-touch-icon.png"
render "$design/card.svg" 1200 630 "$assets/images/card.png"
