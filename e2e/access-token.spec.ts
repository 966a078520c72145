/** The browser host serves nothing without its access token. */
import { expect, test } from './fixtures';

test('the browser host refuses a missing or wrong token with HTTP 403', async ({ ui }) => {
  test.skip(ui.app.kind !== 'web', 'Only the browser host has an access token');
  const origin = new URL(ui.app.url!).origin;
  expect((await fetch(`${origin}/`)).status).toBe(403);
  expect((await fetch(`${origin}/?token=not-the-token`)).status).toBe(403);
  expect((await fetch(`${origin}/assets/`)).status).toBe(403);
  expect((await fetch(ui.app.url!)).status).toBe(200);
});
