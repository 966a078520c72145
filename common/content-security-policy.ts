/**
 * The renderer's Content-Security-Policy, defined once for every way the renderer is
 * served: the Electron `app://` responses and the browser host's responses carry it as a
 * header, and the production build of index.html carries it as a `<meta>` (a fallback
 * for a page opened another way). The dev server (`npm run dev`) gets the dev policy as
 * a header only: Vite injects the React refresh preamble and its styles inline.
 */

/** Where the policy is delivered: a `<meta>` ignores `frame-ancestors`, so it is left out there. */
export type CspDelivery = 'header' | 'meta';

/** Which renderer the policy protects. */
export interface CspOptions {
  delivery: CspDelivery;
  /** The Vite dev server: inline preamble and styles, and its HMR socket. Never in a build. */
  dev?: boolean;
}

/** The policy's directives, in order: one source of truth for tests and for every host. */
export function cspDirectives(options: CspOptions): Record<string, string> {
  const dev = options.dev === true;
  const directives: Record<string, string> = {
    'default-src': "'self'",
    'script-src': dev ? "'self' 'unsafe-inline'" : "'self'",
    'style-src': dev ? "'self' 'unsafe-inline'" : "'self'",
    'img-src': "'self' data:",
    'font-src': "'self'",
    // 'self' covers the browser host's own ws:// socket; the dev server's HMR socket is named.
    'connect-src': dev ? "'self' ws://localhost:* ws://127.0.0.1:*" : "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
  };
  if (options.delivery === 'header') directives['frame-ancestors'] = "'none'";
  return directives;
}

/** The policy as a header or `<meta content>` value. */
export function contentSecurityPolicy(options: CspOptions): string {
  return Object.entries(cspDirectives(options))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
