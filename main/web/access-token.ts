import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_PARAM } from '../../common/ws-protocol';

/**
 * The cookie that carries the token to asset and socket requests (they don't carry the
 * page's query). Cookies are per host, not per port: the name carries the port, so two
 * `serve` instances on 127.0.0.1 keep their own.
 */
export function tokenCookieName(port: number): string {
  return `config_tool_token_${port}`;
}

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

/** The token a request carries: `?token=` first, else this port's cookie. */
export function requestToken(
  request: IncomingMessage,
  url: URL,
  port: number,
): { token: string | null; fromQuery: boolean } {
  const fromQuery = url.searchParams.get(TOKEN_PARAM);
  if (fromQuery !== null) return { token: fromQuery, fromQuery: true };
  const cookieName = tokenCookieName(port);
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return { token: value.join('='), fromQuery: false };
  }
  return { token: null, fromQuery: false };
}

/** The Set-Cookie value for a valid page load: HttpOnly, SameSite=Strict, the whole site. */
export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** The address without its `?token=` (where a page load with the token is redirected, so it leaves the address bar and history). */
export function withoutToken(url: URL): string {
  const clean = new URL(url.href);
  clean.searchParams.delete(TOKEN_PARAM);
  return `${clean.pathname}${clean.search}`;
}
