import path from 'node:path';
import type { EngineContext } from '../engine/engine-context';
import { createNodeWorkerSpawner } from '../engine/process/worker-spawner';
import { asAdminError } from '../engine/environment-conditions';
import { printError } from './output';

/** The environment folder a command works on: `--env`, resolved against the working directory. */
export function environmentDirOf(options: { env: string }): string {
  return path.resolve(options.env);
}

/**
 * Opens the environment of `--env` the way every start does (an upgrade a crash
 * interrupted is rolled back first), runs `work`, and always closes the database
 * (compiler pools close themselves), so the process can exit. `readOnly`: a quick look
 * (`status`, `report`, `config list`) that `import --force` need not wait for, so it leaves no
 * presence file (a write on every call, the largest part of `status` on a busy disk), and
 * that works where the environment can't be written.
 */
export async function withEnvironment<T>(
  environmentDir: string,
  work: (context: EngineContext) => Promise<T> | T,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  // On demand: recovery reaches the compiler, and TypeScript costs half a second to load for --help and bad usage.
  const { openEnvironment } = await import('../engine/open-environment');
  let opened;
  try {
    opened = openEnvironment(environmentDir, {
      spawner: createNodeWorkerSpawner(),
      openedBy: options.readOnly ? undefined : `config-tool ${process.argv[2] ?? ''}`.trim(),
      access: options.readOnly ? 'read' : 'write',
    });
  } catch (error) {
    throw asAdminError(error, environmentDir);
  }
  const { recovered, leave, ...context } = opened;
  try {
    if (recovered.warning) printError(`warning: ${recovered.warning}`);
    return await work(context);
  } catch (error) {
    throw asAdminError(error, environmentDir);
  } finally {
    context.db.close();
    leave();
  }
}
