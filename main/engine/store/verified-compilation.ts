import type { CompileDiagnostic } from '../compiler/compile-types';
import { compilationDigest, type CompilationContent } from '../compiler/compilation-digest';
import type { Db } from './database';
import { statement } from './statement-cache';

/** A stored compilation's columns, as its digest covers them. */
interface StoredColumns {
  success: number;
  interfaceHash: string | null;
  jsJson: string;
  declarationsJson: string;
  diagnosticsJson: string;
}

/** What a stored compilation holds, or null when its stored JSON can't be read (damaged). */
function parseStored(row: StoredColumns): CompilationContent | null {
  try {
    return {
      success: row.success === 1,
      interfaceHash: row.interfaceHash,
      js: JSON.parse(row.jsJson) as Record<string, string>,
      declarations: JSON.parse(row.declarationsJson) as Record<string, string>,
      diagnostics: JSON.parse(row.diagnosticsJson) as CompileDiagnostic[],
    };
  } catch {
    return null;
  }
}

/**
 * Registers the SQL functions the migrations use: `compilation_digest(success, interface_hash,
 * js_json, declarations_json, diagnostics_json)`, null when the stored JSON can't be read.
 */
export function registerStoreFunctions(db: Db): void {
  db.function(
    'compilation_digest',
    { deterministic: true },
    (
      success: unknown,
      interfaceHash: unknown,
      jsJson: unknown,
      declarationsJson: unknown,
      diagnosticsJson: unknown,
    ) => {
      const content = parseStored({
        success,
        interfaceHash,
        jsJson,
        declarationsJson,
        diagnosticsJson,
      } as StoredColumns);
      return content ? compilationDigest(content) : null;
    },
  );
}

/**
 * The content of a stored compilation when its digest matches what it holds (spec §4d), else null:
 * a damaged compilation (a changed byte, unreadable JSON, no digest) is never reused or deployed.
 */
export function readVerifiedCompilation(db: Db, artifactId: number): CompilationContent | null {
  const row = statement(
    db,
    `SELECT success, interface_hash AS interfaceHash, js_json AS jsJson, declarations_json AS declarationsJson,
            diagnostics_json AS diagnosticsJson, digest FROM artifacts WHERE id = @artifactId`,
  ).get({ artifactId }) as (StoredColumns & { digest: string | null }) | undefined;
  return row ? verified(row) : null;
}

/** The row's content when its digest matches it, else null (damaged). */
function verified(row: StoredColumns & { digest: string | null }): CompilationContent | null {
  const content = row.digest ? parseStored(row) : null;
  return content && compilationDigest(content) === row.digest ? content : null;
}

/** The log line for a damaged compilation that is compiled again (publish, a preparation). */
export function damagedCompiledAgain(moduleName: string): string {
  return `${moduleName}: its stored compilation was damaged; compiled again.`;
}

/** A stored compilation whose digest matched: its id, duration and content. */
export interface VerifiedArtifact {
  id: number;
  durationMs: number;
  content: CompilationContent;
}

/**
 * The stored compilation of exactly these inputs, verified (spec §4d): null when none is stored,
 * 'damaged' when one is but its digest does not match what it holds (never reuse it: compile again).
 */
export function findVerifiedArtifact(
  db: Db,
  key: { moduleVersionId: number; platformVersion: string; inputHash: string },
): VerifiedArtifact | 'damaged' | null {
  const row = statement(
    db,
    `SELECT id, duration_ms AS durationMs, success, interface_hash AS interfaceHash, js_json AS jsJson,
            declarations_json AS declarationsJson, diagnostics_json AS diagnosticsJson, digest FROM artifacts
      WHERE module_version_id = @moduleVersionId AND platform_version = @platformVersion AND input_hash = @inputHash`,
  ).get(key) as (StoredColumns & { id: number; durationMs: number; digest: string | null }) | undefined;
  if (!row) return null;
  const content = verified(row);
  return content ? { id: row.id, durationMs: row.durationMs, content } : 'damaged';
}

/**
 * Drops a damaged compilation from the preparations that hold it: their items become `failed` with
 * `message`, so nothing deploys it and the next `prepare` prepares the module again.
 */
export function dropDamagedCompilation(db: Db, artifactId: number, message: string): void {
  statement(
    db,
    `UPDATE preparation_items SET status = 'failed', artifact_id = NULL, errors_json = @errors
      WHERE artifact_id = @artifactId AND status = 'prepared'`,
  ).run({ artifactId, errors: JSON.stringify([{ message }]) });
}
