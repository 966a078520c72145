/** "just now", "3 minutes ago", "2 hours ago", "4 days ago": how old a check is, coarse on purpose, the same in the CLI and the windows. */
export function ageText(iso: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  const ago = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'} ago`;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return ago(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return ago(hours, 'hour');
  return ago(Math.floor(hours / 24), 'day');
}
