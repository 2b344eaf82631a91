#!/bin/sh
# Stand-in for a VS Code executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }):
# runs the extension tests inside code-server. Needs CODE_SERVER (and Node 24 first on PATH): see install.sh.
exec node "$(dirname "$0")/run-ext-tests.mjs" "$@"
