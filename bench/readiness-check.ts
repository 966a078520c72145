/**
 * The readiness check's part of `npm run bench` (spec §4c): on two copies of the freshly
 * imported environment, a cold upgrade, and a readiness check followed by the same upgrade.
 * The figure is the preparation step after a fresh check against the cold one (goal ≤ 0.1);
 * the upgrade steps before the preparation are left out of both.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WorkerSpawner } from '../main/engine/process/worker-spawner';
import { openEnvironment } from '../main/engine/open-environment';
import { checkReadiness } from '../main/engine/preparation/check-readiness';
import { checkCompilationSettings } from '../main/engine/store/settings-repository';
import { timedUpgrade } from './timed-upgrade';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Upgrades the environment in `dir`; the preparation step's wall time (after the version switch) and its run. */
async function upgradeAndTimePreparation(dir: string, spawner: WorkerSpawner, target: string) {
  const context = openEnvironment(dir, { spawner });
  try {
    const { run, preparationMs } = await timedUpgrade(context, target);
    const reused = (
      context.db
        .prepare('SELECT count(*) AS n FROM preparation_items WHERE run_id = @runId AND reused_from_run IS NOT NULL')
        .get({ runId: run.id }) as { n: number }
    ).n;
    const compiled = (
      context.db.prepare(`SELECT count(*) AS n FROM compilations WHERE purpose = 'prepare'`).get() as { n: number }
    ).n;
    return { preparationMs, run, reused, compiled };
  } finally {
    context.db.close();
  }
}

/**
 * Runs the comparison on copies of `importedDir` (closed, just imported) under `work`, and
 * prints its lines. Leaves `importedDir` untouched for the rest of the bench.
 */
export async function benchReadinessCheck(options: {
  importedDir: string;
  work: string;
  spawner: WorkerSpawner;
  target: string;
}): Promise<void> {
  const coldDir = path.join(options.work, 'environment-cold');
  const checkedDir = path.join(options.work, 'environment-checked');
  fs.cpSync(options.importedDir, coldDir, { recursive: true });
  fs.cpSync(options.importedDir, checkedDir, { recursive: true });

  const cold = await upgradeAndTimePreparation(coldDir, options.spawner, options.target);

  const context = openEnvironment(checkedDir, { spawner: options.spawner });
  let checkMs: number;
  let processes: number;
  try {
    processes = checkCompilationSettings(context.db).parallelCompilations;
    const started = Date.now();
    const check = await checkReadiness(context, { toVersion: options.target, onEvent: () => undefined });
    checkMs = Date.now() - started;
    console.log(
      `readiness check          ${seconds(checkMs)}  (${check.counts.prepared} ready, ${check.counts.failed} would fail, ${check.counts.skipped} would be skipped; ${processes} compiler process${processes === 1 ? '' : 'es'} at a lower priority, nothing upgraded)`,
    );
  } finally {
    context.db.close();
  }
  const after = await upgradeAndTimePreparation(checkedDir, options.spawner, options.target);
  console.log(
    `preparation after check  ${seconds(after.preparationMs)}  (the preparation step alone: ${after.reused} reused from the check, ${after.compiled} compiled)`,
  );
  console.log(
    `cold preparation         ${seconds(cold.preparationMs)}  (the same step on a copy never checked: ${cold.compiled} compiled)`,
  );
  console.log(`after check / cold       ${(after.preparationMs / cold.preparationMs).toFixed(3)}  (goal <= 0.1)`);
  fs.rmSync(coldDir, { recursive: true, force: true });
  fs.rmSync(checkedDir, { recursive: true, force: true });
}
