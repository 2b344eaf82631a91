#!/usr/bin/env node
// The `al-session-lab` command: runs the bundled CLI (build first with `npm run build`).
require('../dist/cli.js');
