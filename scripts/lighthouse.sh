#!/usr/bin/env bash
# Runs Lighthouse on the baked site as CI does: Lighthouse CI (@lhci/cli 0.15.1, Lighthouse 12.6)
# with .github/lighthouse/lighthouserc.json, once as a phone and once as a desktop, and asserts
# 100 in all four categories on every listed page. Needs Node 20+ (npx fetches @lhci/cli from the
# npm registry on first use) and Chromium or Chrome (CHROME_PATH, default /usr/bin/chromium).
# The baked blog/target/site is served by scripts/serve-site.sh on 127.0.0.1:8765; nothing else is contacted.
# Reports: blog/target/lighthouse/{mobile,desktop}/. Usage: scripts/lighthouse.sh [mobile|desktop]
set -uo pipefail
cd "$(dirname "$0")/.."
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
lhci=(npx --yes @lhci/cli@0.15.1)
# Lighthouse CI keeps its runs in .lighthouseci/ in the working directory; the reports are copied
# to blog/target/lighthouse, so the folder is removed afterwards and never reaches git.
trap 'rm -rf .lighthouseci' EXIT
status=0
for form in "${@:-mobile desktop}"; do
  for factor in $form; do
    out=blog/target/lighthouse/$factor
    rm -rf "$out"
    extra=()
    if [ "$factor" = desktop ]; then extra=(--collect.settings.preset=desktop); fi
    echo "== Lighthouse, $factor"
    "${lhci[@]}" autorun --config=.github/lighthouse/lighthouserc.json --upload.outputDir="$out" "${extra[@]}" || status=1
    # One line per page: the four category scores, out of 100.
    if [ -f "$out/manifest.json" ]; then
      node -e '
        const runs = require(process.argv[1]);
        for (const run of runs) {
          const s = run.summary, pct = k => String(Math.round(s[k] * 100)).padStart(3);
          console.log(`${pct("performance")} ${pct("accessibility")} ${pct("best-practices")} ${pct("seo")}  ${new URL(run.url).pathname}`);
        }' "$PWD/$out/manifest.json" | sed '1i perf a11y  bp seo  page ('"$factor"')'
    fi
  done
done
exit $status
