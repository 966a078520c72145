#!/usr/bin/env node
// Runs first in every npm script the README names, and in bin/config-tool.cjs: on a Node older than
// package.json's `engines.node`, one line that says what to run instead of a failure deep inside a
// tool (`Map.groupBy is not a function`). Plain CommonJS with no dependencies: it must run on old Node.
'use strict';

const path = require('node:path');

const ROOT = path.join(__dirname, '..');

/** The minimum [major, minor] from package.json's `engines.node` (">=22.12"): the one place it is set. */
function requiredNode() {
  const range = require(path.join(ROOT, 'package.json')).engines.node;
  const match = /^>=\s*(\d+)\.(\d+)/.exec(range);
  if (!match) throw new Error(`package.json engines.node is not ">=MAJOR.MINOR": ${range}`);
  return [Number(match[1]), Number(match[2])];
}

/** The message for a Node older than the project needs, or null when `version` ("20.20.2") is new enough. */
function nodeTooOld(version, tool) {
  const [needMajor, needMinor] = requiredNode();
  const [major, minor] = version.split('.').map(Number);
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return (
    `${tool} needs Node.js ${needMajor}.${needMinor} or newer; this is Node.js ${version} (${process.execPath}). ` +
    `Run \`. scripts/use-node22.sh\` in this terminal first (from ${ROOT}): it uses or installs Node 22.`
  );
}

module.exports = { nodeTooOld };

if (require.main === module) {
  const script = process.env.npm_lifecycle_event;
  const message = nodeTooOld(process.versions.node, script ? `npm run ${script}` : 'This project');
  if (message) {
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}
