import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_PARAM } from '../../common/ws-protocol';

/** The cookie that carries the token to asset requests (they don't carry the page's query). */
export const TOKEN_COOKIE = 'config_tool_token';

/** A fresh random access token, URL-safe. */
export function createAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares in constant time, so the token can't be guessed byte by byte from response times. */
export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries: `?token=` first, else the cookie. */
export function requestToken(request: IncomingMessage, url: URL): { token: string | null; fromQuery: boolean } {
  const fromQuery = url.searchParams.get(TOKEN_PARAM);
  if (fromQuery !== null) return { token: fromQuery, fromQuery: true };
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return { token: value.join('='), fromQuery: false };
  }
  return { token: null, fromQuery: false };
}

/** The Set-Cookie value for a valid page load: HttpOnly, SameSite=Strict, the whole site. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
