import type { Db } from './database';
import { nowIso } from './database';
import { statement } from './statement-cache';

/** Records a publication and, when it succeeded, deploys its compilation (what runs). */
export function recordPublication(
  db: Db,
  input: {
    moduleId: number;
    moduleVersionId: number;
    artifactId: number | null;
    platformVersion: string;
    success: boolean;
    user: string;
  },
): number {
  const at = nowIso();
  const info = statement(
    db,
    `INSERT INTO publications (module_id, module_version_id, artifact_id, platform_version, outcome, published_at, published_by)
       VALUES (@moduleId, @moduleVersionId, @artifactId, @platformVersion, @outcome, @at, @user)`,
  ).run({ ...input, outcome: input.success ? 'success' : 'failed', at });
  const publicationId = Number(info.lastInsertRowid);
  if (input.success && input.artifactId !== null) {
    statement(
      db,
      `INSERT INTO deployments (module_id, publication_id, artifact_id, platform_version, deployed_at)
       VALUES (@moduleId, @publicationId, @artifactId, @platformVersion, @at)
       ON CONFLICT (module_id) DO UPDATE SET publication_id = excluded.publication_id, artifact_id = excluded.artifact_id,
         platform_version = excluded.platform_version, deployed_at = excluded.deployed_at`,
    ).run({
      moduleId: input.moduleId,
      publicationId,
      artifactId: input.artifactId,
      platformVersion: input.platformVersion,
      at,
    });
  }
  return publicationId;
}

/**
 * The successful compilation of a module's latest published version for a platform
 * version that consumers may build against: the one running, or else the one its
 * latest preparation for that version produced.
 */
export function findUsableCompilation(
  db: Db,
  moduleName: string,
  platformVersion: string,
): { artifactId: number; source: 'running' | 'prepared' } | null {
  const running = statement(
    db,
    `SELECT d.artifact_id AS artifactId FROM deployments d JOIN modules m ON m.id = d.module_id
       WHERE m.name = @moduleName AND d.platform_version = @platformVersion`,
  ).get({ moduleName, platformVersion }) as { artifactId: number } | undefined;
  if (running) return { artifactId: running.artifactId, source: 'running' };
  const prepared = statement(
    db,
    `SELECT i.artifact_id AS artifactId FROM preparation_items i
       JOIN preparation_runs r ON r.id = i.run_id
       JOIN modules m ON m.name = i.module_name
       WHERE i.module_name = @moduleName AND r.to_version = @platformVersion AND r.kind <> 'check'
         AND i.status = 'prepared' AND i.artifact_id IS NOT NULL
         AND i.module_version_id = (SELECT p.module_version_id FROM publications p WHERE p.module_id = m.id AND p.outcome = 'success' ORDER BY p.id DESC LIMIT 1)
       ORDER BY r.id DESC LIMIT 1`,
  ).get({ moduleName, platformVersion }) as { artifactId: number } | undefined;
  return prepared ? { artifactId: prepared.artifactId, source: 'prepared' } : null;
}

/**
 * A module's latest publication when it failed: when, at which platform version, and
 * the compiler diagnostics kept with it (none when the failure came from a factory).
 */
export function latestFailedPublication(
  db: Db,
  moduleId: number,
): { at: string; platformVersion: string; diagnosticsJson: string | null } | null {
  const row = statement(
    db,
    `SELECT p.outcome, p.published_at AS at, p.platform_version AS platformVersion, a.diagnostics_json AS diagnosticsJson
       FROM publications p LEFT JOIN artifacts a ON a.id = p.artifact_id
       WHERE p.module_id = @moduleId ORDER BY p.id DESC LIMIT 1`,
  ).get({ moduleId }) as
    { outcome: string; at: string; platformVersion: string; diagnosticsJson: string | null } | undefined;
  if (!row || row.outcome !== 'failed') return null;
  return { at: row.at, platformVersion: row.platformVersion, diagnosticsJson: row.diagnosticsJson };
}
