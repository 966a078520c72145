import Database from 'better-sqlite3';
import path from 'node:path';

/** Which column of a stored compilation to damage, and how. */
export type Damage = 'one byte of js_json' | 'unparsable declarations_json';

/**
 * Damages the stored compilation of a module that its latest preparation or check run holds, as a disk or a
 * hand edit would (spec §4d): one byte of its emitted JS changed, or its declarations cut short.
 */
export function damageStoredCompilation(environmentDir: string, moduleName: string, damage: Damage): void {
  const db = new Database(path.join(environmentDir, 'environment.db'), { fileMustExist: true });
  try {
    const row = db
      .prepare(
        `SELECT a.id, a.js_json AS js, a.declarations_json AS declarations FROM preparation_items i
           JOIN artifacts a ON a.id = i.artifact_id WHERE i.module_name = @moduleName ORDER BY i.run_id DESC LIMIT 1`,
      )
      .get({ moduleName }) as { id: number; js: string; declarations: string } | undefined;
    if (!row) throw new Error(`no stored compilation of ${moduleName}`);
    if (damage === 'one byte of js_json') {
      const at = row.js.indexOf('return');
      if (at < 0) throw new Error(`the compiled JS of ${moduleName} has no 'return' to change`);
      const js = `${row.js.slice(0, at)}R${row.js.slice(at + 1)}`;
      db.prepare('UPDATE artifacts SET js_json = @js WHERE id = @id').run({ js, id: row.id });
    } else {
      const declarations = row.declarations.slice(0, -2);
      db.prepare('UPDATE artifacts SET declarations_json = @declarations WHERE id = @id').run({
        declarations,
        id: row.id,
      });
    }
  } finally {
    db.close();
  }
}
