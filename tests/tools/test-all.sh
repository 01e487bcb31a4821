#!/usr/bin/env bash
# `npm test`: install what is missing and run every check — type-check, lint, unit + integration
# tests (vitest), the production build and the browser end-to-end tests (Playwright + Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/tools/ensure-pnpm.sh

CHROMIUM="${TESSERA_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing at $CHROMIUM. Install it (Debian: sudo apt-get install -y chromium)" >&2
    echo "or point TESSERA_CHROMIUM at a Chromium binary, then run npm test again." >&2
    exit 1
  fi
fi

mkdir -p test-results
echo "› pnpm install";   pnpm install --frozen-lockfile
echo "› type-check";     pnpm typecheck
echo "› lint";           pnpm lint
echo "› unit + integration tests"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
echo "› build";          pnpm build
echo "› browser end-to-end tests"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json pnpm exec playwright test --reporter=list,json
node tests/tools/summary.mjs test-results/vitest.json test-results/playwright.json
