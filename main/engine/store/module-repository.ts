import type { ModuleKind, ModuleState } from '../../../common/domain';
import { hashSources } from '../compiler/source-digest';
import type { Db } from './database';
import { nowIso } from './database';
import { statement } from './statement-cache';

/** A module with its latest upload and what runs. */
export interface ModuleRecord {
  id: number;
  name: string;
  application: string;
  kind: ModuleKind;
  isSystem: boolean;
  latestVersionId: number;
  /** The version of the latest successful publication, or null when never published with success. */
  publishedVersionId: number | null;
  /** Outcome of the latest publication, null when never published. */
  lastPublicationOutcome: 'success' | 'failed' | null;
  runningVersion: string | null;
  runningArtifactId: number | null;
}

export interface ModuleVersionRecord {
  id: number;
  moduleId: number;
  number: number;
  sourceHash: string;
  references: string[];
}

const MODULE_SELECT = `
  SELECT m.id, m.name, a.name AS application, m.kind, m.is_system AS isSystem, m.latest_version_id AS latestVersionId,
    (SELECT p.module_version_id FROM publications p WHERE p.module_id = m.id AND p.outcome = 'success' ORDER BY p.id DESC LIMIT 1) AS publishedVersionId,
    (SELECT p.outcome FROM publications p WHERE p.module_id = m.id ORDER BY p.id DESC LIMIT 1) AS lastPublicationOutcome,
    d.platform_version AS runningVersion, d.artifact_id AS runningArtifactId
  FROM modules m
  JOIN applications a ON a.id = m.application_id
  LEFT JOIN deployments d ON d.module_id = m.id`;

function toModule(row: Record<string, unknown>): ModuleRecord {
  return { ...(row as unknown as ModuleRecord), isSystem: row.isSystem === 1 };
}

/** Every module, sorted by name; `limit`: only the first ones. */
export function listModules(db: Db, options: { includeSystem?: boolean; limit?: number } = {}): ModuleRecord[] {
  const where = options.includeSystem ? '' : 'WHERE m.is_system = 0';
  const rows =
    options.limit === undefined
      ? statement(db, `${MODULE_SELECT} ${where} ORDER BY m.name`).all()
      : statement(db, `${MODULE_SELECT} ${where} ORDER BY m.name LIMIT @limit`).all({ limit: options.limit });
  return (rows as Record<string, unknown>[]).map(toModule);
}

export function findModule(db: Db, name: string): ModuleRecord | null {
  const row = statement(db, `${MODULE_SELECT} WHERE m.name = @name`).get({ name }) as
    Record<string, unknown> | undefined;
  return row ? toModule(row) : null;
}

/** The admin-facing state of a module, as the factory format names it. */
export function moduleState(module: ModuleRecord): ModuleState {
  if (module.lastPublicationOutcome === 'failed') return 'publish-failed';
  if (module.publishedVersionId !== null && module.publishedVersionId === module.latestVersionId) return 'published';
  return module.publishedVersionId !== null ? 'published' : 'uploaded';
}

export function getModuleVersion(db: Db, id: number): ModuleVersionRecord {
  const row = statement(
    db,
    'SELECT id, module_id AS moduleId, number, source_hash AS sourceHash, references_json AS referencesJson FROM module_versions WHERE id = @id',
  ).get({ id }) as (Omit<ModuleVersionRecord, 'references'> & { referencesJson: string }) | undefined;
  if (!row) throw new Error(`module version ${id} does not exist`);
  const { referencesJson, ...rest } = row;
  return { ...rest, references: JSON.parse(referencesJson) as string[] };
}

/**
 * What a compilation's identity needs of a module version besides its references: the module's kind
 * and the digest of the version's sources (hashSources), without reading the sources themselves.
 */
export function loadModuleInput(db: Db, moduleVersionId: number): { kind: ModuleKind; sourceHash: string } {
  const row = statement(
    db,
    `SELECT m.kind AS kind, v.source_hash AS sourceHash FROM module_versions v JOIN modules m ON m.id = v.module_id
      WHERE v.id = @moduleVersionId`,
  ).get({ moduleVersionId }) as { kind: ModuleKind; sourceHash: string } | undefined;
  if (!row) throw new Error(`module version ${moduleVersionId} does not exist`);
  return row;
}

/** The source files of a module version, keyed by path relative to the module root. */
export function loadSources(db: Db, moduleVersionId: number): Record<string, string> {
  const sources: Record<string, string> = {};
  const rows = statement(
    db,
    'SELECT path, content FROM module_sources WHERE module_version_id = @moduleVersionId ORDER BY path',
  ).all({ moduleVersionId }) as { path: string; content: string }[];
  for (const row of rows) sources[row.path] = row.content;
  return sources;
}

export function ensureApplication(db: Db, name: string): number {
  statement(db, 'INSERT OR IGNORE INTO applications (name) VALUES (@name)').run({ name });
  return (statement(db, 'SELECT id FROM applications WHERE name = @name').get({ name }) as { id: number }).id;
}

/** A module version as it is uploaded (a factory's module, `upload`'s folder, a system module). */
export interface ModuleVersionUpload {
  name: string;
  application: string;
  kind: ModuleKind;
  references: string[];
  sources: Record<string, string>;
  isSystem?: boolean;
}

/** Where an uploaded version went: its module, its row, its number and the digest of its sources. */
export interface ModuleVersionIds {
  moduleId: number;
  moduleVersionId: number;
  number: number;
  sourceHash: string;
}

/** Creates a module (when new) and uploads a new version of it, its sources included; returns the version id. */
export function uploadModuleVersion(db: Db, input: ModuleVersionUpload): ModuleVersionIds {
  const ids = recordModuleVersion(db, input);
  storeModuleSources(db, ids.moduleVersionId, input.sources);
  return ids;
}

/**
 * The version's rows without its source files (storeModuleSources adds them): an import stores the files
 * while its first modules compile, for they are its largest write and nothing reads them back meanwhile.
 */
export function recordModuleVersion(db: Db, input: ModuleVersionUpload): ModuleVersionIds {
  const applicationId = ensureApplication(db, input.application);
  const at = nowIso();
  let moduleRow = statement(db, 'SELECT id FROM modules WHERE name = @name').get({ name: input.name }) as
    { id: number } | undefined;
  if (!moduleRow) {
    const info = statement(
      db,
      'INSERT INTO modules (name, application_id, kind, is_system, created_at) VALUES (@name, @applicationId, @kind, @isSystem, @at)',
    ).run({ name: input.name, applicationId, kind: input.kind, isSystem: input.isSystem ? 1 : 0, at });
    moduleRow = { id: Number(info.lastInsertRowid) };
  } else {
    statement(db, 'UPDATE modules SET application_id = @applicationId, kind = @kind WHERE id = @id').run({
      id: moduleRow.id,
      applicationId,
      kind: input.kind,
    });
  }
  const moduleId = moduleRow.id;
  const number =
    ((
      statement(db, 'SELECT max(number) AS n FROM module_versions WHERE module_id = @moduleId').get({ moduleId }) as {
        n: number | null;
      }
    ).n ?? 0) + 1;
  const sourceHash = hashSources(input.sources);
  const versionInfo = statement(
    db,
    `INSERT INTO module_versions (module_id, number, source_hash, references_json, uploaded_at)
       VALUES (@moduleId, @number, @sourceHash, @referencesJson, @at)`,
  ).run({
    moduleId,
    number,
    sourceHash,
    referencesJson: JSON.stringify(input.references),
    at,
  });
  const moduleVersionId = Number(versionInfo.lastInsertRowid);
  statement(db, 'UPDATE modules SET latest_version_id = @moduleVersionId WHERE id = @moduleId').run({
    moduleVersionId,
    moduleId,
  });
  return { moduleId, moduleVersionId, number, sourceHash };
}

/** The source files of a version recorded by recordModuleVersion, keyed by path relative to the module root. */
export function storeModuleSources(db: Db, moduleVersionId: number, sources: Record<string, string>): void {
  const insertSource = statement(
    db,
    'INSERT INTO module_sources (module_version_id, path, content) VALUES (@moduleVersionId, @path, @content)',
  );
  for (const [path, content] of Object.entries(sources)) insertSource.run({ moduleVersionId, path, content });
}

/** Names of the modules whose latest upload or published version references `producer`. */
export function findConsumers(db: Db, producer: string): string[] {
  const rows = statement(
    db,
    `SELECT DISTINCT m.name FROM modules m
       JOIN module_versions v ON v.module_id = m.id
       WHERE (v.id = m.latest_version_id OR v.id IN (SELECT module_version_id FROM publications WHERE module_id = m.id AND outcome = 'success'))
         AND EXISTS (SELECT 1 FROM json_each(v.references_json) r WHERE r.value = @producer)
       ORDER BY m.name`,
  ).all({ producer }) as { name: string }[];
  return rows.map((row) => row.name);
}

export function deleteModuleRows(db: Db, moduleId: number): void {
  statement(db, 'DELETE FROM modules WHERE id = @moduleId').run({ moduleId });
}
