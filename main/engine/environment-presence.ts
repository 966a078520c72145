import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from './errors';
import { isProcessAlive, processStartTime } from './process/process-alive';
import { currentUser } from './current-user';

/**
 * Which processes have an environment open: each one that opens it leaves a small
 * file in `<env>/open-by/` for as long as it has it open, so `import --force` can
 * refuse to replace the database under them, naming who they are.
 */
export interface Presence {
  /** What has it open: "config-tool serve", "the desktop app", "config-tool publish". */
  what: string;
  pid: number;
  pidStart: string | null;
  host: string;
  user: string;
  since: string;
}

const FOLDER = 'open-by';
const mine = new Set<string>();
let cleanupInstalled = false;

function folderOf(environmentDir: string): string {
  return path.join(environmentDir, FOLDER);
}

/** Records that this process has the environment open; returns the function that withdraws it. */
export function announcePresence(environmentDir: string, what: string): () => void {
  const file = path.join(folderOf(environmentDir), `${os.hostname()}-${process.pid}-${mine.size}.json`);
  const presence: Presence = {
    what,
    pid: process.pid,
    pidStart: processStartTime(),
    host: os.hostname(),
    user: currentUser(),
    since: new Date().toISOString(),
  };
  // No environment folder: nothing to open, nothing to create here.
  if (!fs.existsSync(environmentDir)) return () => {};
  try {
    fs.mkdirSync(folderOf(environmentDir), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(presence));
  } catch {
    return () => {}; // a read-only folder: nothing can replace the environment there either
  }
  mine.add(file);
  if (!cleanupInstalled) {
    cleanupInstalled = true;
    process.once('exit', () => {
      for (const left of mine) withdraw(left);
    });
  }
  return () => {
    mine.delete(file);
    withdraw(file);
  };
}

/** Removes a presence file, and the folder when it was the last one (an environment folder stays as it was). */
function withdraw(file: string): void {
  try {
    fs.rmSync(file, { force: true });
    fs.rmdirSync(path.dirname(file));
  } catch {
    // others are still there (or the folder is read-only now: the file is told stale by its pid)
  }
}

/**
 * The other processes that have the environment open now. A file left by a process
 * that has ended (killed) is removed (every open of the environment sweeps them); one
 * from another machine is believed.
 */
export function othersPresent(environmentDir: string): Presence[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(folderOf(environmentDir));
  } catch {
    return [];
  }
  const present: Presence[] = [];
  for (const entry of entries) {
    const file = path.join(folderOf(environmentDir), entry);
    if (mine.has(file)) continue;
    let presence: Presence;
    try {
      presence = JSON.parse(fs.readFileSync(file, 'utf8')) as Presence;
    } catch {
      continue; // being written, or not ours
    }
    if (presence.host === os.hostname() && !isProcessAlive(presence.pid, presence.pidStart)) {
      withdraw(file);
      continue;
    }
    present.push(presence);
  }
  return present;
}

/** "config-tool serve (PID 1234 on host, user alice, since 2026-11-28 19:40:00 UTC)". */
export function describePresence(presence: Presence): string {
  const since = presence.since.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  return `${presence.what} (PID ${presence.pid} on ${presence.host}, user ${presence.user}, since ${since})`;
}

/**
 * SQLite's "database is locked" (another process kept writing past the busy timeout)
 * as the admin should read it: who has the environment open, by PID. Null for any
 * other error.
 */
export function busyEnvironmentError(environmentDir: string, error: unknown): UserError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^SQLITE_(BUSY|LOCKED)/.test(code)) return null;
  const present = othersPresent(environmentDir);
  const who =
    present.length > 0
      ? `it is open in ${present.map(describePresence).join('; ')}`
      : 'another process is writing to it';
  return new UserError(
    'environment-busy',
    `The environment is busy: ${who}, and the write waited too long. Try again when that finishes.`,
  );
}
