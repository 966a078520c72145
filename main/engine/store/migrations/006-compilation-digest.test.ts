import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compilationDigest } from '../../compiler/compilation-digest';
import { migrate } from '../database';
import { MIGRATIONS } from '.';

describe('migration 6 (compilation digests)', () => {
  it('computes the digest of every stored compilation, and none for one whose JSON is unreadable', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF'); // artifacts alone: no module versions are needed to digest them
    for (const migration of MIGRATIONS.slice(0, 5)) db.exec(migration);
    db.pragma('user_version = 5');
    const insert = db.prepare(
      `INSERT INTO artifacts (id, module_version_id, platform_version, input_hash, success, interface_hash, js_json,
         declarations_json, diagnostics_json, duration_ms, created_at)
       VALUES (@id, 1, '11.13.0', @id, @success, @interfaceHash, @js, @declarations, @diagnostics, 5, '2026-01-01T00:00:00.000Z')`,
    );
    const prepared = {
      success: true,
      interfaceHash: 'abc',
      js: { 'src/index.js': 'export const a = 1;\n' },
      declarations: { 'index.d.ts': 'export declare const a = 1;\n' },
      diagnostics: [],
    };
    const failed = {
      success: false,
      interfaceHash: null,
      js: {},
      declarations: {},
      diagnostics: [{ message: 'nope', file: 'src/index.ts', line: 1, column: 2 }],
    };
    const row = (id: number, content: typeof prepared | typeof failed) => ({
      id,
      success: content.success ? 1 : 0,
      interfaceHash: content.interfaceHash,
      js: JSON.stringify(content.js),
      declarations: JSON.stringify(content.declarations),
      diagnostics: JSON.stringify(content.diagnostics),
    });
    insert.run(row(1, prepared));
    insert.run(row(2, failed));
    insert.run({ ...row(3, prepared), declarations: '{"index.d.ts": "export' });

    migrate(db);

    expect(db.prepare('SELECT id, digest FROM artifacts ORDER BY id').all()).toEqual([
      { id: 1, digest: compilationDigest(prepared) },
      { id: 2, digest: compilationDigest(failed) },
      { id: 3, digest: null },
    ]);
  });
});
