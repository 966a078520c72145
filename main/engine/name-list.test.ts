import { describe, expect, it } from 'vitest';
import { nameList } from './name-list';

describe('nameList', () => {
  it('names every module of a short list', () => {
    expect(nameList(['A', 'B', 'C'])).toBe('A, B, C');
    expect(nameList(['A'], { quote: true })).toBe("'A'");
  });

  it('names the first 20 of a long list and counts the rest', () => {
    const names = Array.from({ length: 7600 }, (_, i) => `M${i}`);
    const text = nameList(names);
    expect(text.startsWith('M0, M1, ')).toBe(true);
    expect(text.endsWith('M19 and 7,580 more')).toBe(true);
    expect(text.split(', ')).toHaveLength(20);
  });
});
