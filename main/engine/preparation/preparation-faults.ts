/**
 * Test fault `prepare-hold:<Module>` (EngineOptions.faults.holdModules): keeps that module's compile
 * group in the preparation's current group, before it reaches a compiler process, until the file
 * `<environment folder>/test-release-<Module>` exists. Tests use it to act "during the run" without sleeping.
 * `publish-hold:<Module>` (EngineOptions.faults.publishHoldModules) does the same for a publish, until
 * `test-release-publish-<Module>` exists: tests act while a publish runs without racing its end.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JobCompiler } from '../compilation/compile-scheduler';
import type { EngineContext } from '../engine-context';

const RELEASE_POLL_MS = 50;

function released(environmentDir: string, fileName: string): Promise<void> {
  const file = path.join(environmentDir, fileName);
  return new Promise((resolve) => {
    const poll = () => (fs.existsSync(file) ? resolve() : setTimeout(poll, RELEASE_POLL_MS));
    poll();
  });
}

/** The compiler itself, or (with a prepare-hold or publish-hold fault) one that holds the named modules until released. */
export function withTestHolds(
  compiler: JobCompiler,
  context: EngineContext,
  operation: 'prepare' | 'publish' = 'prepare',
): JobCompiler {
  const faults = context.options?.faults;
  const held = operation === 'prepare' ? faults?.holdModules : faults?.publishHoldModules;
  if (!held || held.size === 0) return compiler;
  const releaseFile = (name: string) =>
    operation === 'prepare' ? `test-release-${name}` : `test-release-publish-${name}`;
  return {
    compile: async (group, onStarted) => {
      const names = group.map((job) => job.moduleName).filter((name) => held.has(name));
      await Promise.all(names.map((name) => released(context.environmentDir, releaseFile(name))));
      return compiler.compile(group, onStarted);
    },
  };
}
