#!/bin/sh
# Runs itests/browser/e2e/sales-*.spec.ts against the dev page (npm run dev must be serving it, and
# a distribution with the demo data must answer at TESSERA_API, default http://localhost:18401).
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
SPECS="$HERE/../../../../../itests/browser/e2e"
rm -f "$HERE"/e2e/sales-*.spec.ts
cp "$SPECS"/sales-*.spec.ts "$HERE/e2e/"
cd "$HERE/.." && exec npx playwright test -c dev/playwright.config.ts "$@"
