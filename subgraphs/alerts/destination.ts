import dns from 'node:dns';
import net from 'node:net';
import type { LookupFunction } from 'node:net';

/*
 * Where the hub may send a delivery. A subscriber's URL is chosen by a caller, so without these
 * checks the hub could be made to POST into its own network (server-side request forgery): to
 * the gateway, a subgraph, a database, a cloud metadata endpoint. In production only https, and
 * never an address that is loopback, private, link-local or otherwise not public: checked on the
 * address the name resolves to, at subscription and again at every connection (a name can
 * resolve elsewhere later). Development allows http and local addresses, for local receivers.
 */

export type DestinationMode = 'development' | 'production';

const notPublic = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  // Unspecified, loopback and IPv4-compatible (::a.b.c.d), and the translation prefixes that embed
  // an IPv4 address (NAT64, local-use NAT64, SIIT, 6to4) and can reach a private one through it.
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['::ffff:0:0:0', 96],
  ['2002::', 16],
  ['fec0::', 10],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6');
}

/**
 * Link-local addresses, where clouds serve instance metadata and credentials: refused in every
 * mode, since development (the default mode) may run on a cloud machine too.
 */
const linkLocal = new net.BlockList();
linkLocal.addSubnet('169.254.0.0', 16, 'ipv4');
linkLocal.addSubnet('fe80::', 10, 'ipv6');

/** True when the address is link-local (IPv4-mapped IPv6 addresses judged as IPv4). */
export function isLinkLocalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return linkLocal.check(mapped[1]!, 'ipv4');
  const family = net.isIP(address);
  return family !== 0 && linkLocal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether a connection to the address is refused in the mode. */
const refusedIn = (mode: DestinationMode, address: string) =>
  mode === 'production' ? isNonPublicAddress(address) : isLinkLocalAddress(address);

/** True when the address is not a public one (IPv4-mapped IPv6 addresses are judged as IPv4). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return notPublic.check(mapped[1]!, 'ipv4');
  const family = net.isIP(address);
  if (family === 0) return true;
  return notPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a URL cannot be a subscriber's, or null when it can (before its name is resolved). */
export function urlProblem(text: string, mode: DestinationMode): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute URL, such as https://receiver.example.org/crg-events';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `must be an http or https URL (got ${url.protocol})`;
  if (mode === 'production' && url.protocol !== 'https:') return 'must be an https URL in production';
  if (url.username || url.password) return 'must not carry a user name or password: receivers check the signature instead';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && isLinkLocalAddress(host)) return `must not point to a link-local address (got ${host})`;
  if (mode === 'production' && (net.isIP(host) ? isNonPublicAddress(host) : host === 'localhost' || host.endsWith('.localhost'))) {
    return `must not point to a loopback, private or link-local address in production (got ${host})`;
  }
  return null;
}

/** Resolves the URL's host name and says why one of its addresses is refused, or null when all may be reached. */
export async function resolvedAddressProblem(text: string, mode: DestinationMode): Promise<string | null> {
  if (mode !== 'production') return null;
  const host = new URL(text).hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) return isNonPublicAddress(host) ? `must not point to a non-public address (got ${host})` : null;
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true });
  } catch (error) {
    return `names a host that does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  // Which address is not said: the answer would tell a caller what an internal name resolves to.
  return addresses.some((a) => isNonPublicAddress(a.address)) ? `resolves to a non-public address` : null;
}

/** Raised when a connection would reach a refused address. */
export class RefusedAddressError extends Error {}

/**
 * A DNS lookup for outgoing connections that refuses any link-local address the name resolves to
 * and, in production, any non-public one: the check is on the address the socket connects to, not
 * on the name.
 */
export function guardedLookup(mode: DestinationMode): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses;
      const refused = list.find((a) => refusedIn(mode, a.address));
      if (refused) {
        return callback(new RefusedAddressError(`${hostname} resolves to a non-public address (${refused.address})`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new RefusedAddressError(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
