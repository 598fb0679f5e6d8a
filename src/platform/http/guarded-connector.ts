/**
 * The connect-time half of the SSRF guard: a DNS lookup that refuses a hostname when any
 * address it resolves to is not allowed, and an undici connector that re-checks literal-IP
 * hosts and the peer address of every new socket. The address checked is the address
 * connected to, so DNS rebinding between a check and the connect cannot slip through.
 */
import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import type { Socket } from 'node:net';
import { buildConnector } from 'undici';
import { DestinationBlockedError } from '../../errors.js';
import { type AddressPolicy, type AddressVerdict, normalizeHost, parseAddress } from './address-policy.js';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type LookupFunction = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/** `host` is what the caller asked for (hostname or IP), `address` what it resolved to when different. */
export function blockedError(host: string, verdict: AddressVerdict, address?: string): DestinationBlockedError {
  const kind = verdict.range === 'invalid' ? 'an invalid address' : `a ${verdict.range} address`;
  const message =
    address !== undefined && address !== host
      ? `Destination blocked: ${host} resolves to ${verdict.normalized}, ${kind}`
      : `Destination blocked: ${host} is ${kind}`;
  return new DestinationBlockedError(message, { host, range: verdict.range });
}

/** The refusal for a literal-IP host, or null when it may be contacted (hostnames always pass here). */
export function checkLiteralHost(policy: AddressPolicy, hostname: string): DestinationBlockedError | null {
  const host = normalizeHost(hostname);
  if (policy.allowsHost(host) || !parseAddress(host)) return null;
  const verdict = policy.checkAddress(host);
  return verdict.allowed ? null : blockedError(host, verdict);
}

/** Resolves a hostname to every address it has; the default is the system resolver (node:dns lookup). */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export function createGuardedLookup(policy: AddressPolicy, resolver?: HostResolver): LookupFunction {
  const resolveAll = (hostname: string, options: LookupOptions, done: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => {
    if (resolver) {
      resolver(hostname).then(
        (addresses) => done(null, addresses),
        (err: NodeJS.ErrnoException) => done(err, []),
      );
    } else {
      dns.lookup(hostname, { ...options, all: true }, done);
    }
  };
  return (hostname, options, callback) => {
    resolveAll(hostname, options, (err, addresses) => {
      if (err) {
        callback(err, '');
        return;
      }
      if (addresses.length === 0) {
        const notFound: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
        notFound.code = 'ENOTFOUND';
        callback(notFound, '');
        return;
      }
      if (!policy.allowsHost(hostname)) {
        for (const { address } of addresses) {
          const verdict = policy.checkAddress(address);
          if (!verdict.allowed) {
            callback(blockedError(normalizeHost(hostname), verdict, address), '');
            return;
          }
        }
      }
      if (options.all) {
        callback(null, addresses);
      } else {
        const [first] = addresses as [LookupAddress];
        callback(null, first.address, first.family);
      }
    });
  };
}

/** An undici `connect` function: checks, then connects through the guarded lookup, then checks the peer. */
export function createGuardedConnector(policy: AddressPolicy, connectTimeoutMs: number, resolver?: HostResolver): buildConnector.connector {
  const base = buildConnector({ timeout: connectTimeoutMs, lookup: createGuardedLookup(policy, resolver) });
  return (options, callback) => {
    const refused = checkLiteralHost(policy, options.hostname);
    if (refused) {
      callback(refused, null);
      return;
    }
    base(options, (err, socket) => {
      if (err || !socket) {
        callback(err ?? new Error('connect failed'), null);
        return;
      }
      // Belt and braces: whatever path Node took to connect, the peer must be allowed.
      const remote = (socket as Socket).remoteAddress;
      if (!policy.allowsHost(options.hostname) && remote) {
        const verdict = policy.checkAddress(remote);
        if (!verdict.allowed) {
          socket.destroy();
          callback(blockedError(normalizeHost(options.hostname), verdict, remote), null);
          return;
        }
      }
      callback(null, socket);
    });
  };
}
