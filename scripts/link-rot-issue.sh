#!/usr/bin/env bash
# Keeps one GitHub issue, labelled link-rot, in step with the weekly external link check
# (.github/workflows/links.yml): opened by the first run that finds broken links, its description
# replaced (and a comment added) by every failing run after, closed by the first run that passes.
#
# Usage: scripts/link-rot-issue.sh EXIT_CODE REPORT_MD RUN_URL
#   EXIT_CODE  what `site check-links --external` exited with: 0 no broken link (warnings allowed),
#              1 broken or invalid links; anything else is not a result, and the issue is left alone
#   REPORT_MD  the Markdown report it wrote (--markdown FILE), shown as the issue's description
#   RUN_URL    the workflow run's address, linked from the issue
# Needs gh, signed in for the repository (the workflow sets GH_TOKEN and GH_REPO).
# Exit codes: 0 done, 2 wrong usage or no report, any other the failing gh call's own.
set -euo pipefail

label=link-rot
title="Broken links on the site"
# GitHub refuses an issue body over 65,536 characters; this leaves room for the footer.
max_report_bytes=60000

fail() {
  echo "link-rot-issue: $*" >&2
  exit 2
}

[ $# -eq 3 ] || fail "usage: scripts/link-rot-issue.sh EXIT_CODE REPORT_MD RUN_URL"
exit_code=$1 report=$2 run_url=$3
case "$exit_code" in
  0 | 1) ;;
  *) fail "exit code '$exit_code' is not a link check result (0: no broken links, 1: broken links); the issue is left as it is" ;;
esac

# The only place the report is read: the Markdown file, taken whole as the description. Nothing
# in it is parsed, so a change to the report's layout changes the issue's text, never what this
# script does. A report too long for an issue is cut at a line (counting bytes, which are never
# fewer than characters) and says where the rest is.
write_body() {
  LC_ALL=C awk -v max="$max_report_bytes" '
    { size += length($0) + 1; if (size > max) { cut = 1; exit } print }
    END { if (cut) print "\n_The report is cut here; the whole of it is in the run'\''s link-report artifact._" }
  ' "$report"
  printf '\n---\nFound by the weekly link check: %s\n' "$run_url"
}

if [ "$exit_code" = 1 ] && [ ! -s "$report" ]; then
  fail "the link check found broken links but wrote no report at '$report'; the issue is left as it is"
fi

number=$(gh issue list --label "$label" --state open --limit 1 --json number --jq '.[0].number // empty')
if [ -n "$number" ] && ! [[ "$number" =~ ^[0-9]+$ ]]; then
  fail "gh issue list answered '$number', not an issue number"
fi

if [ "$exit_code" = 1 ]; then
  body=$(mktemp)
  trap 'rm -f "$body"' EXIT
  write_body > "$body"
  if [ -z "$number" ]; then
    gh label create "$label" --color B60205 --description "Broken links found by the weekly link check" --force
    gh issue create --title "$title" --label "$label" --body-file "$body"
  else
    gh issue edit "$number" --body-file "$body"
    gh issue comment "$number" --body "Still broken as of $run_url; the description now shows this run's report."
    echo "Updated issue #$number."
  fi
elif [ -n "$number" ]; then
  gh issue close "$number" --comment "Every link passes as of $run_url."
else
  echo "No broken links and no open link-rot issue: nothing to do."
fi
