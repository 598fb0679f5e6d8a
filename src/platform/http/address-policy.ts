/**
 * Which outbound destinations the guarded HTTP client may reach. Everything whose
 * ipaddr.js range is not 'unicast' (loopback, private, link-local, CGNAT, multicast,
 * NAT64, 6to4, …) is refused unless an allow-list entry names the host or contains the address.
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ValidationError } from '../../errors.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface AddressVerdict {
  allowed: boolean;
  /** The ipaddr.js range name, e.g. 'loopback', 'private', 'unicast'. */
  range: string;
  /** The address after unwrapping IPv4-mapped IPv6 (::ffff:127.0.0.1 → 127.0.0.1). */
  normalized: string;
}

export interface AddressPolicy {
  /** True when the hostname itself is allow-listed: no address checks apply to it. */
  allowsHost(hostname: string): boolean;
  /** The verdict for one IP address (IPv4, or IPv6 without brackets). */
  checkAddress(address: string): AddressVerdict;
}

/** Lower-cases, strips IPv6 brackets and one trailing dot. */
export function normalizeHost(hostname: string): string {
  let host = hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host;
}

/** Parses an IP, unwrapping IPv4-mapped IPv6 to IPv4; null when it is not an IP. */
export function parseAddress(value: string): Address | null {
  const host = normalizeHost(value);
  if (isIP(host) === 0) return null;
  try {
    return ipaddr.process(host);
  } catch {
    return null;
  }
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*$/;

export function createAddressPolicy(allow: readonly string[]): AddressPolicy {
  const hosts = new Set<string>();
  const ranges: Array<[Address, number]> = [];

  for (const raw of allow) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (entry.includes('/')) {
      let cidr: [Address, number];
      try {
        cidr = ipaddr.parseCIDR(entry);
      } catch {
        throw new ValidationError(`Invalid allow-list entry: ${entry}`);
      }
      const [base, bits] = cidr;
      // An IPv4-mapped IPv6 CIDR (::ffff:10.0.0.0/104) is stored as its IPv4 equivalent.
      if (base.kind() === 'ipv6' && (base as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
        ranges.push([(base as ipaddr.IPv6).toIPv4Address(), bits - 96]);
      } else {
        ranges.push(cidr);
      }
      continue;
    }
    const address = parseAddress(entry);
    if (address) {
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      continue;
    }
    const host = normalizeHost(entry);
    if (!HOSTNAME.test(host)) throw new ValidationError(`Invalid allow-list entry: ${entry}`);
    hosts.add(host);
  }

  return {
    allowsHost(hostname) {
      return hosts.has(normalizeHost(hostname));
    },
    checkAddress(value) {
      const address = parseAddress(value);
      // Not an IP at all: never connect to it on the strength of this check.
      if (!address) return { allowed: false, range: 'invalid', normalized: value };
      const range = address.range();
      const normalized = address.toString();
      if (range === 'unicast') return { allowed: true, range, normalized };
      const listed = ranges.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));
      return { allowed: listed, range, normalized };
    },
  };
}
