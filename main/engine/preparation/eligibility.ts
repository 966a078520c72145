import type { Db } from '../store/database';
import { getModuleVersion, listModules } from '../store/module-repository';
import type { NewItem } from './run-repository';

export interface Eligibility {
  eligible: (NewItem & { references: string[] })[];
  excluded: { moduleName: string; reason: string }[];
}

/**
 * Spec §4: a module is prepared when it has a successful publication, and what is
 * prepared is that published version, not a newer upload. Every other module is
 * excluded with the reason.
 */
export function findEligibleModules(db: Db): Eligibility {
  const result: Eligibility = { eligible: [], excluded: [] };
  for (const module of listModules(db)) {
    if (module.publishedVersionId === null) {
      const reason =
        module.lastPublicationOutcome === 'failed'
          ? 'publish failed, never published with success'
          : 'uploaded, never published';
      result.excluded.push({ moduleName: module.name, reason });
      continue;
    }
    result.eligible.push({
      moduleName: module.name,
      application: module.application,
      moduleVersionId: module.publishedVersionId,
      references: getModuleVersion(db, module.publishedVersionId).references,
    });
  }
  return result;
}
