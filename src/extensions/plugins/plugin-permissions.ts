/**
 * `permissions.hosts` of a plugin manifest: which hosts `ctx.fetch` may reach. An entry is
 * a hostname (`api.example.com`), an IP literal (`203.0.113.7`, `[2001:db8::1]`), or
 * `*.example.com` (any subdomain, not the apex), each optionally with `:port`. Without a
 * port every port of that host is allowed (as Deno's --allow-net does); with one, only it.
 * Names are compared lower-cased and in punycode (`xn--…`), as the WHATWG URL parser
 * writes them. This check comes on top of the SSRF guard, never instead of it.
 */
import { isIP } from 'node:net';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const PORT = /^[0-9]{1,5}$/;

export interface HostPattern {
  /** Lower-cased hostname or IP (IPv6 without brackets); for a wildcard, the suffix after `*.`. */
  host: string;
  wildcard: boolean;
  /** null: any port. */
  port: number | null;
}

/** The parsed entry, or a reason it is not one ("must be a hostname…"). */
export function parseHostPattern(raw: string): HostPattern | string {
  const entry = raw.trim().toLowerCase();
  if (entry === '' || entry.length > 260) return 'must be a hostname or host:port';
  if (/[/?#@\s\\]/.test(entry) || entry.includes('://')) return 'must be a hostname or host:port, without a scheme or path';

  let host = entry;
  let port: number | null = null;
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close < 0) return 'has an unclosed IPv6 bracket';
    const rest = host.slice(close + 1);
    host = host.slice(1, close);
    if (isIP(host) !== 6) return 'must hold an IPv6 address between brackets';
    if (rest !== '') {
      const parsed = parsePort(rest);
      if (typeof parsed === 'string') return parsed;
      port = parsed;
    }
    return { host, wildcard: false, port };
  }

  const colon = host.lastIndexOf(':');
  if (colon >= 0) {
    if (host.indexOf(':') !== colon) return 'must put an IPv6 address between brackets, e.g. [2001:db8::1]';
    const parsed = parsePort(host.slice(colon));
    if (typeof parsed === 'string') return parsed;
    port = parsed;
    host = host.slice(0, colon);
  }

  const wildcard = host.startsWith('*.');
  if (wildcard) host = host.slice(2);
  if (host.includes('*')) return 'may only use a wildcard as a leading "*."';
  if (isIP(host) === 4) {
    if (wildcard) return 'cannot combine a wildcard with an IP address';
    return { host, wildcard, port };
  }
  if (host.length > 253 || !HOSTNAME.test(host)) return 'must be a valid hostname (letters, digits, hyphens; punycode for other scripts)';
  if (wildcard && !host.includes('.')) return 'must name at least a registrable domain after "*." (e.g. *.example.com)';
  return { host, wildcard, port };
}

function parsePort(text: string): number | string {
  const digits = text.slice(1);
  if (!text.startsWith(':') || !PORT.test(digits)) return 'has an invalid port';
  const port = Number(digits);
  return port >= 1 && port <= 65535 ? port : 'has a port outside 1-65535';
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/** True when the URL's host (and port) is covered by one of the manifest's entries. */
export function hostAllowed(patterns: readonly HostPattern[], url: URL): boolean {
  let host = url.hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host.endsWith('.')) host = host.slice(0, -1);
  const port = url.port === '' ? defaultPort(url.protocol) : Number(url.port);
  return patterns.some((pattern) => {
    if (pattern.port !== null && pattern.port !== port) return false;
    return pattern.wildcard ? host.endsWith(`.${pattern.host}`) : host === pattern.host;
  });
}

/** Parses entries already validated by the manifest schema. */
export function compileHostPatterns(entries: readonly string[]): HostPattern[] {
  return entries.map((entry) => {
    const parsed = parseHostPattern(entry);
    if (typeof parsed === 'string') throw new Error(`Invalid host entry "${entry}": ${parsed}`);
    return parsed;
  });
}
