// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigToolApi, SharedCacheState } from '../../../../common/contract';
import { SharedCacheSection } from './shared-cache-section';

/** What the host answers to `sharedCache.state` in the current test. */
let answer: SharedCacheState;

const STATE: SharedCacheState = {
  mode: 'read-only',
  url: 'http://cache.example.internal:3000',
  team: 'acme',
  overriddenBy: [],
  tokenSet: true,
  signingKeySet: true,
  secretsKeptIn: "the desktop app's safe storage",
  lastRun: null,
};

beforeAll(() => {
  const host: ConfigToolApi = {
    host: 'browser',
    invoke: (channel) =>
      Promise.resolve(
        channel === 'sharedCache.state'
          ? { ok: true, value: answer as never }
          : { ok: false, error: { code: 'unavailable', message: 'not in this test' } },
      ),
    on: () => () => undefined,
  };
  window.configTool = host;
});

afterEach(cleanup);

describe('the Shared compilation cache section', () => {
  it("shows the last run's hits, misses, refusals, uploads and errors", async () => {
    answer = {
      ...STATE,
      lastRun: {
        runId: 7,
        kind: 'upgrade',
        toVersion: '11.13.0',
        startedAt: '2026-03-02T14:30:00.000Z',
        counts: { hits: 40, misses: 2, refused: 1, uploaded: 0, errors: 3 },
      },
    };
    render(<SharedCacheSection />);
    const line = (await screen.findByTestId('shared-cache-last-run')).textContent;
    expect(line).toContain('Last run (Upgrade to 11.13.0, started 2026-03-02 14:30 UTC)');
    expect(line).toContain('40 hits, 2 misses, 1 refused, 0 uploaded, 3 errors.');
  });

  it('says when no run has used the cache yet', async () => {
    answer = { ...STATE, lastRun: null };
    render(<SharedCacheSection />);
    expect((await screen.findByTestId('shared-cache-last-run')).textContent).toBe(
      'No run has used the shared cache yet.',
    );
    expect((screen.getByTestId('shared-cache-url') as HTMLInputElement).value).toBe(STATE.url);
  });
});
