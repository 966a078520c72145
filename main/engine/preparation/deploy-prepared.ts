import type { DeployPreparedOutcome } from '../../../common/contract';
import type { LogLine } from '../../../common/domain';
import type { EngineContext } from '../engine-context';
import { findEnvironment } from '../store/environment-repository';
import { listModules } from '../store/module-repository';
import { currentUser } from '../current-user';
import { recordOperation } from '../store/operations-log';
import { findUsableCompilation, recordPublication } from '../store/publication-repository';
import { dropDamagedCompilation, readVerifiedCompilation } from '../store/verified-compilation';
import type { EngineEventListener } from './preparation-events';
import { takeLease } from './prepare-modules';

/** What deploy-prepared did: one type with the contract's. */
export type DeployPreparedReport = DeployPreparedOutcome;

/**
 * `config-tool deploy-prepared`: deploys every prepared module that does not run
 * its prepared compilation yet, under its own lock. Each deployment is committed
 * on its own, so a run cut short continues where it stopped when started again.
 */
export async function deployPrepared(
  context: EngineContext,
  options: { onEvent: EngineEventListener },
): Promise<DeployPreparedReport> {
  const { db } = context;
  const platformVersion = findEnvironment(db)!.platformVersion;
  const lease = takeLease(context, 'deploy-prepared', null, 'Deploy prepared modules', { onEvent: options.onEvent });
  const report: DeployPreparedReport = {
    platformVersion,
    deployed: [],
    alreadyRunning: 0,
    notPrepared: [],
    damaged: [],
  };
  const log = (level: LogLine['level'], text: string) =>
    options.onEvent({ type: 'log', line: { at: new Date().toISOString(), level, text } });
  const user = currentUser();
  try {
    const modules = listModules(db).filter((module) => module.publishedVersionId !== null);
    for (const module of modules) {
      if (module.runningVersion === platformVersion) {
        report.alreadyRunning++;
        continue;
      }
      const usable = findUsableCompilation(db, module.name, platformVersion);
      if (usable?.source !== 'prepared') {
        report.notPrepared.push(module.name);
        continue;
      }
      // Spec §4d: a damaged compilation is never deployed; dropped, the next preparation prepares the module.
      if (readVerifiedCompilation(db, usable.artifactId) === null) {
        const message = `${module.name}: its stored compilation was damaged; not deployed. Run 'config-tool prepare' to prepare it again.`;
        lease.write(() => dropDamagedCompilation(db, usable.artifactId, message));
        report.damaged.push(module.name);
        log('warning', message);
        continue;
      }
      lease.write(() =>
        recordPublication(db, {
          moduleId: module.id,
          moduleVersionId: module.publishedVersionId!,
          artifactId: usable.artifactId,
          platformVersion,
          success: true,
          user,
        }),
      );
      report.deployed.push(module.name);
      log('info', `Deployed ${module.name} (${report.deployed.length} deployed so far) from its prepared compilation.`);
      // Lets the heartbeat and other events run between deployments.
      await new Promise((resolve) => setImmediate(resolve));
    }
    lease.write(() =>
      recordOperation(db, {
        operation: 'deploy-prepared',
        outcome: 'succeeded',
        message: `${report.deployed.length} deployed, ${report.alreadyRunning} already running ${platformVersion}, ${report.notPrepared.length} not prepared, ${report.damaged.length} damaged`,
        user,
      }),
    );
    return report;
  } finally {
    lease.release();
  }
}
