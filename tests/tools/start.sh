#!/usr/bin/env bash
# `npm start`: install what is missing, build the PWA, start the sync server that serves it.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/tools/ensure-pnpm.sh
pnpm install --frozen-lockfile
pnpm build
exec pnpm serve
