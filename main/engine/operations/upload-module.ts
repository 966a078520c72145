import type { EngineContext } from '../engine-context';
import { UserError } from '../errors';
import { readModuleFolder } from '../factory/read-factory';
import { findModule, uploadModuleVersion } from '../store/module-repository';
import { recordOperation } from '../store/operations-log';

/** What `upload` stored: the module, its new version number, and whether the module is new. */
export interface UploadOutcome {
  name: string;
  version: number;
  created: boolean;
}

/**
 * `upload NAME DIR` (spec §4b): stores a new version of module NAME from a module folder, checked with the
 * factory's rules (every broken rule named with its file); a NAME that does not exist yet creates the module.
 * The version stays `uploaded` until published. Uploading is never refused by the preparation lock: a
 * preparation prepares the published version, never a newer upload.
 */
export function uploadModule(context: EngineContext, name: string, dir: string): UploadOutcome {
  const { db } = context;
  const module = readModuleFolder(dir, name, { moduleExists: (reference) => findModule(db, reference) !== null });
  const existing = findModule(db, name);
  if (existing?.isSystem)
    throw new UserError(
      'refused',
      `Module '${name}' is a platform system component; it is upgraded with the platform.`,
    );
  const { number } = db.transaction(() => {
    const uploaded = uploadModuleVersion(db, {
      name,
      application: module.application,
      kind: module.kind,
      references: module.references,
      sources: module.sources,
    });
    recordOperation(db, { operation: 'upload', target: name, outcome: 'succeeded' });
    return uploaded;
  })();
  return { name, version: number, created: existing === null };
}
