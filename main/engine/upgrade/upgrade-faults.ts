import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from '../engine-options';

/**
 * The test faults of an upgrade step (engine-options.ts: `upgrade-delay`,
 * `upgrade-fail`, `upgrade-crash`), applied at the end of that step. Without test
 * faults in the options this does nothing.
 */
export async function injectStepFaults(options: EngineOptions | undefined, step: string): Promise<void> {
  const { faults } = options ?? DEFAULT_ENGINE_OPTIONS;
  const delayMs = faults.delaySteps.get(step);
  if (delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (faults.failSteps.has(step)) throw new Error(`injected failure in step '${step}'`);
  if (faults.crashSteps.has(step)) process.kill(process.pid, 'SIGKILL');
}
