/**
 * DNS-rebinding and cross-site checks of the browser host: the `Host` header must name the
 * address the host is bound to (a page on rebind.example whose name now resolves to
 * 127.0.0.1 sends `Host: rebind.example`), and a WebSocket's `Origin` must be one of those
 * same addresses (never compared with the request's own `Host`, which the attacker's page
 * controls through the name it used).
 */
import net from 'node:net';
import os from 'node:os';

/** Which `Host` / `Origin` values name this host. */
export interface HostCheck {
  /** True when a `Host` header names the bound address and port. */
  isAllowedHost(hostHeader: string | undefined): boolean;
  /** True when an `Origin` header is `http://` + an allowed host. */
  isAllowedOrigin(origin: string | undefined): boolean;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/**
 * The names a client may use for a host bound to `bindHost`:`port`: the bound address
 * itself and `localhost`; when bound to every interface (0.0.0.0, ::), any IP literal and
 * this machine's host name too. Never another DNS name: that is what rebinding uses.
 */
export function createHostCheck(bindHost: string, port: number): HostCheck {
  const bound = stripBrackets(bindHost).toLowerCase();
  const wildcard = WILDCARDS.has(bound);
  const names = new Set([bound, 'localhost']);
  if (wildcard) names.add(os.hostname().toLowerCase());

  function allowedName(hostname: string): boolean {
    const name = stripBrackets(hostname).toLowerCase();
    if (names.has(name)) return true;
    return wildcard && net.isIP(name) !== 0;
  }

  function parseHost(value: string): { hostname: string; port: number } | null {
    try {
      const url = new URL(`http://${value}`);
      if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
      return { hostname: url.hostname, port: url.port === '' ? 80 : Number(url.port) };
    } catch {
      return null;
    }
  }

  return {
    isAllowedHost(hostHeader) {
      if (!hostHeader) return false;
      const parsed = parseHost(hostHeader);
      return parsed !== null && parsed.port === port && allowedName(parsed.hostname);
    },
    isAllowedOrigin(origin) {
      if (!origin) return false;
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false;
      }
      if (url.protocol !== 'http:' || url.origin !== origin.replace(/\/$/, '')) return false;
      const originPort = url.port === '' ? 80 : Number(url.port);
      return originPort === port && allowedName(url.hostname);
    },
  };
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
