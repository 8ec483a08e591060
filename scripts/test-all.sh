#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine with Node 20: installs what the tests need
# (Debian's chromium and ffmpeg, then the npm packages), runs typecheck, lint, unit and e2e tests,
# and ends with one line "N passed, M failed" summed over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "== installing ${need[*]} (apt-get)"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null || exit 1
fi

# better-sqlite3 builds from source here; node-gyp must use the system's Node headers.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund || exit 1
fi

out=$(mktemp -d)
passed=0
failed=0
step() { # name, command...
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "!! $name failed"; fi
}

step typecheck npx tsc -b
step lint npx eslint --max-warnings 0 .

echo "== unit tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile="$out/vitest.json"
read -r vp vf < <(node -e '
  try { const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0)); }
  catch { console.log(0, 1); }' "$out/vitest.json")
passed=$((passed + vp)); failed=$((failed + vf))

echo "== build"
if npx vite build --logLevel warn; then
  echo "== e2e tests (playwright, Debian chromium)"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$out/pw.json" npx playwright test --reporter=list,json
  read -r pp pf < <(node -e '
    try { const s = require(process.argv[1]).stats; console.log(s.expected + s.flaky, s.unexpected); }
    catch { console.log(0, 1); }' "$out/pw.json")
  passed=$((passed + pp)); failed=$((failed + pf))
else
  failed=$((failed + 1)); echo "!! build failed"
fi

# the README's run command on a bare machine: a clean clone, no ffmpeg on PATH, free ports
step "npm start without ffmpeg (clean clone)" npx tsx scripts/bare-start.ts

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
