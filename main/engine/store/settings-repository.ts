import os from 'node:os';
import type { CompilationSettings } from '../../../common/domain';
import { UserError } from '../errors';
import {
  invalidSharedCacheMode,
  invalidSharedCacheTeam,
  invalidSharedCacheUrl,
} from '../shared-cache/shared-cache-settings';
import type { Db } from './database';
import { nowIso } from './database';
import { statement } from './statement-cache';

/** A configuration setting the admin may change: how to validate it and its default. */
interface SettingDefinition {
  description: string;
  defaultValue: () => string;
  validate: (value: string) => string | null;
}

const integerBetween = (min: number, max: number) => (value: string) =>
  /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max
    ? null
    : `must be a whole number from ${min} to ${max}`;

/**
 * The machine's cores, read once per process: os.availableParallelism() reads the cgroup files each time,
 * and a preparation asks for the parallelCompilations setting (whose default this is) at every dispatch.
 */
let cores: number | undefined;
const coreCount = (): number => (cores ??= Math.max(1, os.availableParallelism()));

/** Every configuration key `config set` accepts. */
export const SETTINGS: Record<string, SettingDefinition> = {
  parallelCompilations: {
    description: 'compiler processes working in parallel during a preparation (default: CPU cores)',
    defaultValue: () => String(coreCount()),
    validate: integerBetween(1, 64),
  },
  checkParallelCompilations: {
    description:
      'compiler processes of an upgrade readiness check, which runs beside the live environment (default: half the CPU cores)',
    defaultValue: () => String(Math.max(1, Math.floor(coreCount() / 2))),
    validate: integerBetween(1, 64),
  },
  moduleTimeLimitSeconds: {
    description: 'time limit for compiling one module, in seconds',
    defaultValue: () => '120',
    validate: integerBetween(5, 3600),
  },
  'logging.level': {
    description: 'platform log level (error, warning, info, debug)',
    defaultValue: () => 'info',
    validate: (value) =>
      ['error', 'warning', 'info', 'debug'].includes(value) ? null : 'must be error, warning, info or debug',
  },
  'mail.smtpHost': {
    description: 'SMTP server the platform sends mail through',
    defaultValue: () => 'localhost',
    validate: (value) => (/^[A-Za-z0-9.-]{1,253}$/.test(value) ? null : 'must be a host name'),
  },
  // The shared compilation cache (spec §4d); CONFIG_TOOL_CACHE_MODE, _URL and _TEAM override them.
  'sharedCache.mode': {
    description: 'shared compilation cache: off, read-only (production) or read-write',
    defaultValue: () => 'off',
    validate: invalidSharedCacheMode,
  },
  'sharedCache.url': {
    description: "shared compilation cache server's base URL (empty: none)",
    defaultValue: () => '',
    validate: (value) => (value === '' ? null : invalidSharedCacheUrl(value)),
  },
  'sharedCache.team': {
    description: 'team (namespace) on the shared compilation cache server (empty: none)',
    defaultValue: () => '',
    validate: (value) => (value === '' ? null : invalidSharedCacheTeam(value)),
  },
};

function assertKnownKey(key: string): SettingDefinition {
  // Own keys only: 'constructor' or '__proto__' must not find Object's members.
  const definition = Object.hasOwn(SETTINGS, key) ? SETTINGS[key] : undefined;
  if (!definition) {
    throw new UserError('bad-usage', `Unknown setting '${key}'. Known settings: ${Object.keys(SETTINGS).join(', ')}.`);
  }
  return definition;
}

/** The value of a setting (set, even if not applied yet), or its default. */
export function getSetting(db: Db, key: string): string {
  const definition = assertKnownKey(key);
  const row = statement(db, 'SELECT value FROM settings WHERE key = @key').get({ key }) as
    { value: string } | undefined;
  return row?.value ?? definition.defaultValue();
}

/** Stores a new value for a setting; it takes effect when applied. */
export function setSetting(db: Db, key: string, value: string): void {
  const problem = assertKnownKey(key).validate(value);
  if (problem) throw new UserError('bad-usage', `Setting '${key}' ${problem} (got '${value}').`);
  statement(
    db,
    `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @at)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run({ key, value, at: nowIso() });
}

/** Settings whose value differs from the applied one. */
export function pendingSettings(db: Db): string[] {
  return (
    statement(
      db,
      'SELECT key FROM settings WHERE applied_value IS NULL OR applied_value <> value ORDER BY key',
    ).all() as { key: string }[]
  ).map((row) => row.key);
}

/** Marks every changed setting as applied; returns their keys. */
export function applySettings(db: Db): string[] {
  const keys = pendingSettings(db);
  statement(
    db,
    'UPDATE settings SET applied_value = value, applied_at = @at WHERE applied_value IS NULL OR applied_value <> value',
  ).run({
    at: nowIso(),
  });
  return keys;
}

/** The settings a readiness check compiles with: its own, smaller, number of compiler processes. */
export function checkCompilationSettings(
  db: Db,
): Pick<CompilationSettings, 'parallelCompilations' | 'moduleTimeLimitSeconds'> {
  return {
    parallelCompilations: Number(getSetting(db, 'checkParallelCompilations')),
    moduleTimeLimitSeconds: Number(getSetting(db, 'moduleTimeLimitSeconds')),
  };
}

export function compilationSettings(db: Db): CompilationSettings {
  return {
    parallelCompilations: Number(getSetting(db, 'parallelCompilations')),
    moduleTimeLimitSeconds: Number(getSetting(db, 'moduleTimeLimitSeconds')),
    defaultParallelCompilations: Number(SETTINGS.parallelCompilations.defaultValue()),
  };
}
