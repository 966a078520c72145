import type { Db } from './database';
import { nowIso } from './database';
import { statement } from './statement-cache';

export interface EnvironmentRecord {
  name: string;
  platformVersion: string;
  createdAt: string;
}

/** The environment row, or null for an empty (just created) database. */
export function findEnvironment(db: Db): EnvironmentRecord | null {
  const row = statement(
    db,
    'SELECT name, platform_version AS platformVersion, created_at AS createdAt FROM environment WHERE id = 1',
  ).get() as EnvironmentRecord | undefined;
  return row ?? null;
}

export function insertEnvironment(db: Db, name: string, platformVersion: string): void {
  statement(
    db,
    'INSERT INTO environment (id, name, platform_version, created_at) VALUES (1, @name, @platformVersion, @at)',
  ).run({
    name,
    platformVersion,
    at: nowIso(),
  });
}

export function setPlatformVersion(db: Db, platformVersion: string): void {
  statement(db, 'UPDATE environment SET platform_version = @platformVersion WHERE id = 1').run({ platformVersion });
}
