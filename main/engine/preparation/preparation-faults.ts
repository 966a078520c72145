/**
 * Fault injection for tests only: `CONFIG_TOOL_TEST_FAULTS=prepare-hold:<Module>` keeps that module's
 * compilation in the preparation's current group, before it reaches a compiler process, until the file
 * `<environment folder>/test-release-<Module>` exists. Tests use it to act "during the run" without sleeping.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JobCompiler } from '../compilation/compile-scheduler';

const RELEASE_POLL_MS = 50;

function heldModules(): Set<string> {
  const held = new Set<string>();
  for (const item of (process.env.CONFIG_TOOL_TEST_FAULTS ?? '').split(',')) {
    const [kind, name] = item.split(':').map((part) => part.trim());
    if (kind === 'prepare-hold' && name) held.add(name);
  }
  return held;
}

function released(environmentDir: string, name: string): Promise<void> {
  const file = path.join(environmentDir, `test-release-${name}`);
  return new Promise((resolve) => {
    const poll = () => (fs.existsSync(file) ? resolve() : setTimeout(poll, RELEASE_POLL_MS));
    poll();
  });
}

/** The compiler itself, or (with a prepare-hold fault) one that holds the named modules until released. */
export function withTestHolds(compiler: JobCompiler, environmentDir: string): JobCompiler {
  const held = heldModules();
  if (held.size === 0) return compiler;
  const wait = (names: string[]) =>
    Promise.all(names.filter((name) => held.has(name)).map((name) => released(environmentDir, name)));
  return {
    compile: async (job, onStarted) => {
      await wait([job.moduleName]);
      return compiler.compile(job, onStarted);
    },
    compileCycle: async (jobs, onStarted) => {
      await wait(jobs.map((job) => job.moduleName));
      return compiler.compileCycle(jobs, onStarted);
    },
  };
}
