/**
 * Formatting helpers for times, durations and counts, in the admin's locale. Times
 * are shown in UTC and say so ("14:32 UTC"), like the CLI, the reports and the
 * refusal messages: the browser and the server may sit in different time zones.
 */

// Made once: toLocaleTimeString/toLocaleString with options build a formatter per call,
// which the Setup log (a time per line) and the counts (a few times a second) can't afford.
const clockFormats = {
  minutes: new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }),
  seconds: new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }),
};
const countFormat = new Intl.NumberFormat();

/** "14:32 UTC" (or with seconds) from an ISO time; '—' when absent. */
export function formatClock(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${(withSeconds ? clockFormats.seconds : clockFormats.minutes).format(date)} UTC`;
}

// One date format and one elapsed time for every window, the command line and the reports.
export { formatDateTime, formatElapsed } from '../../../common/time-format';

/** A compile time: "85 ms" under a second, "2.4 s" above. */
export function formatCompileTime(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "1,234" in the admin's locale. */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** "module" / "modules". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
