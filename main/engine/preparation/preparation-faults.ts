/**
 * Test fault `prepare-hold:<Module>` (EngineOptions.faults.holdModules): keeps that module's compile
 * group in the preparation's current group, before it reaches a compiler process, until the file
 * `<environment folder>/test-release-<Module>` exists. Tests use it to act "during the run" without sleeping.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JobCompiler } from '../compilation/compile-scheduler';
import type { EngineContext } from '../engine-context';

const RELEASE_POLL_MS = 50;

function released(environmentDir: string, name: string): Promise<void> {
  const file = path.join(environmentDir, `test-release-${name}`);
  return new Promise((resolve) => {
    const poll = () => (fs.existsSync(file) ? resolve() : setTimeout(poll, RELEASE_POLL_MS));
    poll();
  });
}

/** The compiler itself, or (with a prepare-hold fault) one that holds the named modules until released. */
export function withTestHolds(compiler: JobCompiler, context: EngineContext): JobCompiler {
  const held = context.options?.faults.holdModules;
  if (!held || held.size === 0) return compiler;
  return {
    compile: async (group, onStarted) => {
      const names = group.map((job) => job.moduleName).filter((name) => held.has(name));
      await Promise.all(names.map((name) => released(context.environmentDir, name)));
      return compiler.compile(group, onStarted);
    },
  };
}
