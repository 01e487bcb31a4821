# Sourced: makes `pnpm` (10.34.8, the version pinned in package.json) available on a bare Node 20 + npm machine.
PNPM_VERSION=10.34.8
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm@$PNPM_VERSION with npm"
  if ! npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    # no permission for a global install: use a private prefix
    npm install --prefix "$HOME/.tessera-pnpm" -g "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$HOME/.tessera-pnpm/bin:$PATH"
  fi
fi
