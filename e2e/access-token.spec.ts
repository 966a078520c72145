/** The browser host serves nothing without its access token. */
import { expect, test } from './fixtures';

test('the browser host refuses a missing or wrong token with HTTP 403', async ({ ui }) => {
  test.skip(ui.app.kind !== 'web', 'Only the browser host has an access token');
  const origin = new URL(ui.app.url!).origin;
  expect((await fetch(`${origin}/`)).status).toBe(403);
  expect((await fetch(`${origin}/?token=not-the-token`)).status).toBe(403);
  expect((await fetch(`${origin}/assets/`)).status).toBe(403);
  // The address with the token answers with its cookie and a redirect that drops the token from the address bar.
  const first = await fetch(ui.app.url!, { redirect: 'manual' });
  expect(first.status).toBe(303);
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
  expect((await fetch(`${origin}/`, { headers: { cookie } })).status).toBe(200);
  expect(new URL(ui.page.url()).searchParams.has('token')).toBe(false);
});
