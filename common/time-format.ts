/**
 * The one way times and durations read, in the windows, the command line and the reports:
 * in UTC and labelled so (the browser, the server and the reader may sit in different time
 * zones), the same on every machine (no locale). JSON and JUnit carry ISO 8601 instead.
 */

function parsed(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026-12-05 07:51 UTC": a date and time in the windows and the command line; '—' when absent. */
export function formatDateTime(iso: string | null | undefined): string {
  const date = parsed(iso);
  return date === null ? '—' : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "2026-12-05 07:51:55 UTC": a date and time in a report, to the second; '—' when absent. */
export function formatReportTime(iso: string | null | undefined): string {
  const date = parsed(iso);
  return date === null ? '—' : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** How long a run took: "under 1 s", "12 s", "3 min 05 s", "1 h 02 min" (never "0 s" for a run that ran). */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return 'under 1 s';
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${pad(seconds)} s`;
  return `${seconds} s`;
}
