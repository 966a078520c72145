import { describe, expect, it } from 'vitest';
import { ageText } from './age-text';

describe('ageText', () => {
  const at = Date.parse('2026-11-28T12:00:00Z');
  const before = (minutes: number) => new Date(at - minutes * 60_000).toISOString();

  it('says how old a check is, coarser as it ages', () => {
    expect(ageText(before(0), at)).toBe('just now');
    expect(ageText(before(1), at)).toBe('1 minute ago');
    expect(ageText(before(59), at)).toBe('59 minutes ago');
    expect(ageText(before(60), at)).toBe('1 hour ago');
    expect(ageText(before(47 * 60 + 59), at)).toBe('47 hours ago');
    expect(ageText(before(48 * 60), at)).toBe('2 days ago');
  });

  it('never says a check made "in the future" (another clock) is negative', () => {
    expect(ageText(before(-5), at)).toBe('just now');
  });
});
