import type { LogLine } from '../../../common/domain';
import type { EngineContext } from '../engine-context';
import { findEnvironment } from '../store/environment-repository';
import { listModules } from '../store/module-repository';
import { currentUser, recordOperation } from '../store/operations-log';
import { findUsableCompilation, recordPublication } from '../store/publication-repository';
import type { EngineEventListener } from './preparation-events';
import { takeLease } from './prepare-modules';

export interface DeployPreparedReport {
  platformVersion: string;
  deployed: string[];
  alreadyRunning: number;
  notPrepared: string[];
}

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
  const report: DeployPreparedReport = { platformVersion, deployed: [], alreadyRunning: 0, notPrepared: [] };
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
        message: `${report.deployed.length} deployed, ${report.alreadyRunning} already running ${platformVersion}, ${report.notPrepared.length} not prepared`,
        user,
      }),
    );
    return report;
  } finally {
    lease.release();
  }
}
