#!/usr/bin/env node
// Runs before `npm start` and `npm run dev`: without Electron's binary (node_modules/electron/dist,
// downloaded by electron's install script, which a machine without internet access cannot run),
// says so and what to do instead of electron-vite's "Error: Electron uninstall" stack trace.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ELECTRON = path.join(__dirname, '..', 'node_modules', 'electron');

/** The Electron binary node_modules/electron/path.txt names, or null when it is not there. */
function electronBinary() {
  const pathFile = path.join(ELECTRON, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(ELECTRON, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

module.exports = { electronBinary };

if (require.main === module && electronBinary() === null && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  process.stderr.write(
    [
      `The desktop app's Electron binary is missing (${path.join(ELECTRON, 'dist')} is empty: it is downloaded when npm installs electron, and this machine could not).`,
      'On a machine that can reach github.com, run `npx install-electron` (or `rm -rf node_modules/electron && npm install`) and then `npm start`.',
      'Meanwhile the same windows run in a browser: `npx config-tool serve` prints the address to open.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
