#!/usr/bin/env node
// The `config-tool` binary: checks the Node version, then runs the bundled CLI (out/node/cli.cjs).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const REQUIRED = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < REQUIRED[0] || (major === REQUIRED[0] && minor < REQUIRED[1])) {
  process.stderr.write(
    `config-tool needs Node.js ${REQUIRED.join('.')} or newer; this is Node.js ${process.versions.node} (${process.execPath}).\n`,
  );
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
