import { describe, expect, it } from 'vitest';
import { ReadyQueue } from './ready-queue';

describe('ReadyQueue', () => {
  it('hands out the highest rank first, whatever the order items arrive in', () => {
    const ranks = Array.from({ length: 500 }, (_, index) => (index * 7919) % 500);
    const queue = new ReadyQueue<number>((rank) => rank);
    const taken: number[] = [];
    for (const [index, rank] of ranks.entries()) {
      queue.push(rank);
      // Take some while others are still arriving, as the scheduler does.
      if (index % 3 === 2) taken.push(queue.pop()!);
    }
    expect(queue.length).toBe(500 - taken.length);
    while (queue.length > 0) taken.push(queue.pop()!);
    expect(queue.pop()).toBeUndefined();
    expect([...taken].sort((a, b) => a - b)).toEqual([...ranks].sort((a, b) => a - b));
    // After the interleaved part, what is left comes out in descending rank.
    const tail = taken.slice(Math.floor(500 / 3));
    expect(tail).toEqual([...tail].sort((a, b) => b - a));
  });
});
