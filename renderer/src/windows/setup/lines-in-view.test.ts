import { describe, expect, it } from 'vitest';
import { linesInView } from './lines-in-view';

const view = { viewPx: 400, linePx: 20 };

describe('linesInView', () => {
  it('renders the tail while following, whatever the scroll position says', () => {
    expect(linesInView({ ...view, count: 20_000, following: true, firstInView: 0 })).toEqual({
      first: 20_000 - 21 - 2,
      end: 20_000,
      slots: 41,
    });
  });

  it('renders the lines around the reader’s position when not following', () => {
    expect(linesInView({ ...view, count: 20_000, following: false, firstInView: 5_000 })).toEqual({
      first: 4_990,
      end: 4_990 + 41,
      slots: 41,
    });
  });

  it('renders fewer rows than slots, so line % slots keys them uniquely', () => {
    for (const following of [true, false])
      for (const firstInView of [0, 7, 123]) {
        const { first, end, slots } = linesInView({ ...view, count: 1_000, following, firstInView });
        expect(end - first).toBeLessThanOrEqual(slots);
      }
  });

  it('keeps a short log whole and never reaches past either end', () => {
    expect(linesInView({ ...view, count: 5, following: true, firstInView: 0 })).toMatchObject({ first: 0, end: 5 });
    expect(linesInView({ ...view, count: 5, following: false, firstInView: 3 })).toMatchObject({ first: 0, end: 5 });
    expect(linesInView({ ...view, count: 100, following: false, firstInView: 99 })).toMatchObject({
      first: 69,
      end: 100,
    });
  });
});
