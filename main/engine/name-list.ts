/** A message names at most this many modules; the rest are counted (10,000-module environments). */
export const NAMES_SHOWN = 20;

/**
 * "A, B, C" for a short list; "A, B, … T and 743 more" for a long one, so a message
 * about thousands of modules stays one readable line. `quote` wraps each name in ''.
 */
export function nameList(names: readonly string[], options: { max?: number; quote?: boolean } = {}): string {
  const max = options.max ?? NAMES_SHOWN;
  const shown = names.slice(0, max).map((name) => (options.quote ? `'${name}'` : name));
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more.toLocaleString('en-US')} more` : shown.join(', ');
}

/** True when nameList would leave names out. */
export function isShortened(names: readonly string[], max = NAMES_SHOWN): boolean {
  return names.length > max;
}
