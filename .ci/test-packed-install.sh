#!/usr/bin/env bash
# The package as users get it: `npm pack` (which builds through `prepare`), install the tarball in an empty
# folder with production dependencies only, then run the installed command: its help, and a review of a
# sample diff (detectors only: no key is given) whose JSON must name the expected finding.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
cd "$work"
npm init -y >/dev/null
# --prefer-offline: the dependencies are in npm's cache after `npm ci`; the registry is asked only for misses.
npm install --no-audit --no-fund --prefer-offline --omit=dev "./$tarball" >/dev/null

bin=./node_modules/.bin/backend-architect
"$bin" review --help | grep -q -- "--format" || { echo "packed install: review --help printed no usage"; exit 1; }

set +e
env -u ANTHROPIC_API_KEY "$bin" review --diff "$root/test/fixtures/cli/sample.diff" --format json >review.json 2>review.err
code=$?
set -e
if [[ $code -gt 1 ]]; then
  echo "packed install: review exited $code"; cat review.err; exit 1
fi
node -e '
  const report = JSON.parse(require("node:fs").readFileSync("review.json", "utf8"));
  const paths = (report.findings ?? []).map((f) => f.path);
  if (!paths.includes("services/billing/exchange_rates.py")) {
    console.error("packed install: no finding on the sample diff", JSON.stringify(report).slice(0, 500));
    process.exit(1);
  }
  console.log(`packed install: ok (${require("./node_modules/backend-architect/package.json").version}, ${paths.length} findings)`);
'
