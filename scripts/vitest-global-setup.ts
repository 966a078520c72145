// Builds out/node/*.cjs once before the tests, so tests can start real worker processes.
import { buildNode } from './build-node-lib.mjs';

export default async function setup(): Promise<void> {
  await buildNode({ quiet: true });
}
