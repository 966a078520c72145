import type Database from 'better-sqlite3';
import type { Db } from './database';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * The prepared statement for `sql` on this connection, compiled once: better-sqlite3
 * compiles SQL on every prepare(), and the repositories run per module, thousands
 * of times in a preparation. Not for statements read with iterate() (a statement
 * being iterated can't run again until the iteration ends).
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
