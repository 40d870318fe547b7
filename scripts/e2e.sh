#!/usr/bin/env bash
# Runs the Playwright suite. On a machine where we may create namespaces (developers' and CI
# machines here), the run happens inside a network namespace that has only loopback, so no
# test can reach an address other than 127.0.0.1 and Chromium picks no other interface for
# WebRTC. On a laptop where unshare is not allowed, it runs as is.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${FELLOWS_IN_NETNS:-}" != 1 ] && command -v unshare >/dev/null 2>&1 \
  && command -v ip >/dev/null 2>&1 && unshare -n true 2>/dev/null; then
  echo "e2e: running inside a loopback-only network namespace"
  exec unshare -n env FELLOWS_IN_NETNS=1 bash -c 'ip link set lo up && exec bash scripts/e2e.sh "$@"' bash "$@"
fi
if [ "${FELLOWS_IN_NETNS:-}" != 1 ]; then
  echo "e2e: cannot create a network namespace here (needs unshare and root); running in the normal network"
fi

# The Electron bundles are built every run, so a broken main or preload fails the suite even
# where the Electron binary is missing and the Electron journeys skip.
npx electron-vite build --logLevel warn
exec npx playwright test "$@"
