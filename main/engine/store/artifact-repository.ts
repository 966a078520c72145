import { compilationDigest } from '../compiler/compilation-digest';
import type { CompileDiagnostic, CompileResult, ProducerInterface } from '../compiler/compile-types';
import type { Db } from './database';
import { nowIso } from './database';
import { statement } from './statement-cache';

/** A stored compilation (without its JS, which only deployment needs). */
export interface ArtifactRecord {
  id: number;
  moduleVersionId: number;
  platformVersion: string;
  inputHash: string;
  success: boolean;
  interfaceHash: string | null;
  diagnostics: CompileDiagnostic[];
  durationMs: number;
}

interface ArtifactRow {
  id: number;
  moduleVersionId: number;
  platformVersion: string;
  inputHash: string;
  success: number;
  interfaceHash: string | null;
  diagnosticsJson: string;
  durationMs: number;
}

const ARTIFACT_COLUMNS = `id, module_version_id AS moduleVersionId, platform_version AS platformVersion, input_hash AS inputHash,
  success, interface_hash AS interfaceHash, diagnostics_json AS diagnosticsJson, duration_ms AS durationMs`;

function toArtifact(row: ArtifactRow): ArtifactRecord {
  const { diagnosticsJson, ...rest } = row;
  return { ...rest, success: row.success === 1, diagnostics: JSON.parse(diagnosticsJson) as CompileDiagnostic[] };
}

export function getArtifact(db: Db, id: number): ArtifactRecord {
  const row = statement(db, `SELECT ${ARTIFACT_COLUMNS} FROM artifacts WHERE id = @id`).get({ id }) as
    ArtifactRow | undefined;
  if (!row) throw new Error(`artifact ${id} does not exist`);
  return toArtifact(row);
}

/** The public interface (declaration output) of a successful compilation, as consumers compile against it. */
export function loadInterface(db: Db, artifactId: number): ProducerInterface {
  const row = statement(
    db,
    'SELECT interface_hash AS interfaceHash, declarations_json AS declarationsJson FROM artifacts WHERE id = @artifactId AND success = 1',
  ).get({ artifactId }) as { interfaceHash: string; declarationsJson: string } | undefined;
  if (!row) throw new Error(`artifact ${artifactId} is not a successful compilation`);
  return { interfaceHash: row.interfaceHash, declarations: JSON.parse(row.declarationsJson) as Record<string, string> };
}

/**
 * Stores a compilation result with its digest and returns its id. Idempotent on its inputs: a compilation
 * already stored for them is replaced by this one (equal inputs give equal results; a stored one that was
 * found damaged is repaired in place, so what deploys or references it holds the fresh one).
 */
export function saveArtifact(db: Db, moduleVersionId: number, result: CompileResult): number {
  const row = statement(
    db,
    `INSERT INTO artifacts (module_version_id, platform_version, input_hash, success, interface_hash, js_json, declarations_json, diagnostics_json, duration_ms, created_at, digest)
     VALUES (@moduleVersionId, @platformVersion, @inputHash, @success, @interfaceHash, @js, @declarations, @diagnostics, @durationMs, @at, @digest)
     ON CONFLICT (module_version_id, platform_version, input_hash) DO UPDATE SET success = excluded.success,
       interface_hash = excluded.interface_hash, js_json = excluded.js_json, declarations_json = excluded.declarations_json,
       diagnostics_json = excluded.diagnostics_json, duration_ms = excluded.duration_ms, digest = excluded.digest
     RETURNING id`,
  ).get({
    moduleVersionId,
    platformVersion: result.platformVersion,
    inputHash: result.inputHash,
    success: result.success ? 1 : 0,
    interfaceHash: result.interfaceHash,
    js: JSON.stringify(result.js),
    declarations: JSON.stringify(result.declarations),
    diagnostics: JSON.stringify(result.diagnostics),
    durationMs: Math.round(result.durationMs),
    at: nowIso(),
    digest: compilationDigest(result),
  }) as { id: number };
  return row.id;
}

/** Records one compiler invocation (the counter behind "nothing prepared is compiled twice"). */
export function recordCompilation(db: Db, moduleVersionId: number, platformVersion: string, purpose: string): void {
  statement(
    db,
    'INSERT INTO compilations (module_version_id, platform_version, purpose, compiled_at) VALUES (@moduleVersionId, @platformVersion, @purpose, @at)',
  ).run({ moduleVersionId, platformVersion, purpose, at: nowIso() });
}
