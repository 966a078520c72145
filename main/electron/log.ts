/** The desktop app's log: console plus `<logs>/main.log`, so utility process output survives a packaged run. */
import fs from 'node:fs';
import path from 'node:path';

type Level = 'info' | 'warn' | 'error';

let file: fs.WriteStream | undefined;

/** Starts appending to `main.log` in the given folder (Electron's app logs path). */
export function openLogFile(logsDir: string): void {
  try {
    fs.mkdirSync(logsDir, { recursive: true });
    file = fs.createWriteStream(path.join(logsDir, 'main.log'), { flags: 'a' });
    file.on('error', () => (file = undefined)); // a full disk must not take the app down
  } catch {
    file = undefined;
  }
}

/** Writes one line to the console and the log file. */
export function log(level: Level, message: string): void {
  const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}`;
  if (level === 'info') console.log(line);
  else console.error(line);
  file?.write(`${line}\n`);
}
