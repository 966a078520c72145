/**
 * The test-only faults of engine-options.ts as the operations' hooks (EngineContext.faults). Test fault
 * `prepare-hold:<Module>` keeps that module's compile group in the preparation's current group, before it
 * reaches a compiler process, until the file `<environment folder>/test-release-<Module>` exists: tests act
 * "during the run" without sleeping. `publish-hold:<Module>` does the same for a publish, until
 * `test-release-publish-<Module>` exists. The upgrade's faults fail, delay or crash a step at its end.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JobCompiler } from './compilation/schedule-types';
import type { EngineFaults } from './engine-context';
import type { EngineOptions, TestFaults } from './engine-options';

const RELEASE_POLL_MS = 50;

function released(environmentDir: string, fileName: string): Promise<void> {
  const file = path.join(environmentDir, fileName);
  return new Promise((resolve) => {
    const poll = () => (fs.existsSync(file) ? resolve() : setTimeout(poll, RELEASE_POLL_MS));
    poll();
  });
}

/** The compiler itself, or (with a prepare-hold or publish-hold fault) one that holds the named modules until released. */
function withHolds(
  compiler: JobCompiler,
  environmentDir: string,
  faults: TestFaults,
  operation: 'prepare' | 'publish',
): JobCompiler {
  const held = operation === 'prepare' ? faults.holdModules : faults.publishHoldModules;
  if (held.size === 0) return compiler;
  const releaseFile = (name: string) =>
    operation === 'prepare' ? `test-release-${name}` : `test-release-publish-${name}`;
  return {
    compile: async (group, onStarted) => {
      const names = group.map((job) => job.moduleName).filter((name) => held.has(name));
      await Promise.all(names.map((name) => released(environmentDir, releaseFile(name))));
      return compiler.compile(group, onStarted);
    },
  };
}

/** The hooks for an environment's operations, from the process's options (without faults they do nothing). */
export function testFaults(environmentDir: string, options: EngineOptions): EngineFaults {
  const { faults } = options;
  return {
    holdCompiler: (compiler, operation) => withHolds(compiler, environmentDir, faults, operation),
    afterStep: async (step) => {
      const delayMs = faults.delaySteps.get(step);
      if (delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (faults.failSteps.has(step)) throw new Error(`injected failure in step '${step}'`);
      if (faults.crashSteps.has(step)) process.kill(process.pid, 'SIGKILL');
    },
    crashAt: (point) => {
      if (faults.crashSteps.has(point)) process.kill(process.pid, 'SIGKILL');
    },
  };
}
