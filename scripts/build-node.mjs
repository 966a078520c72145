// npm run build:node: bundles the Node entry points into out/node/ (see build-node-lib.mjs).
import { buildNode } from './build-node-lib.mjs';

try {
  const built = await buildNode();
  console.log(`out/node: ${built.map((name) => `${name}.cjs`).join(', ')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
