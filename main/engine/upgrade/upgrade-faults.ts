/**
 * Fault injection for tests only: `CONFIG_TOOL_TEST_FAULTS=upgrade-fail:<step>`
 * makes that upgrade step throw; `upgrade-crash:<step>` kills the process there,
 * as a power cut would. Nothing else turns these on.
 */
export function failIfInjected(step: string): void {
  const faults = (process.env.CONFIG_TOOL_TEST_FAULTS ?? '').split(',');
  if (faults.includes(`upgrade-fail:${step}`)) throw new Error(`injected failure in step '${step}'`);
  if (faults.includes(`upgrade-crash:${step}`)) process.kill(process.pid, 'SIGKILL');
}
