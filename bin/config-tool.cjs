#!/usr/bin/env node
// The `config-tool` binary: checks the Node version, then runs the bundled CLI (out/node/cli.cjs).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

// The version check (and the hint to run `. scripts/use-node22.sh`) is shared with the npm scripts.
const tooOld = require('../scripts/require-node22.cjs').nodeTooOld(process.versions.node, 'config-tool');
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(1);
}

const cli = path.join(__dirname, '..', 'out', 'node', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write(`config-tool is not built: ${cli} is missing. Run npm run build first.\n`);
  process.exit(1);
}
// Keeps V8's compiled code of the bundle on disk (the OS temp folder), so a short command like `status` starts warm.
require('node:module').enableCompileCache?.();
require(cli);
