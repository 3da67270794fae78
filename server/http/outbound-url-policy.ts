/**
 * Which URLs the server may fetch on a caller's behalf (`POST /api/imports` with a `url`), so an
 * import cannot be turned into a probe of the server's own network (SSRF): http and https only,
 * and by default only hosts whose every address is public — not loopback, private (RFC 1918,
 * fc00::/7, 100.64/10), link-local (169.254.169.254, the cloud metadata service, among them),
 * unspecified, multicast or reserved. Operators who import from intranet sources opt in:
 * IMPORT_URL_ALLOW_HOSTS lists host names or subnets allowed whatever they resolve to, and
 * IMPORT_ALLOW_PRIVATE_URLS=true allows loopback and private addresses (link-local and the other
 * special ranges stay refused unless listed).
 *
 * The check runs on the resolved addresses, and {@link fetchWithinPolicy} follows redirects
 * itself, checking every hop. What it cannot see: fetch resolves the name again to connect, so a
 * DNS server answering differently a few milliseconds later (rebinding) could slip past; closing
 * that needs a connect-time lookup hook (an undici Agent), which Node's built-in fetch does not
 * take without the undici package.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ImportInputError } from '../errors.ts';

export interface OutboundUrlPolicy {
  /** Loopback and private addresses allowed (IMPORT_ALLOW_PRIVATE_URLS=true). */
  allowPrivate: boolean;
  /** Host names (lower case), addresses and subnets (`10.1.0.0/16`) allowed whatever they are. */
  allowHosts: readonly string[];
}

/** The default: public addresses only. */
export const PUBLIC_ONLY_URL_POLICY: OutboundUrlPolicy = { allowPrivate: false, allowHosts: [] };

/** Every kind of address a default policy refuses. */
export type SpecialRange =
  'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

/** The ranges IMPORT_ALLOW_PRIVATE_URLS opens; the others need the host listed. */
const PRIVATE_RANGES: ReadonlySet<SpecialRange> = new Set(['loopback', 'private']);

/** IANA's special-purpose registries, grouped by what a refusal should call them. */
const SPECIAL_SUBNETS: Record<SpecialRange, readonly string[]> = {
  unspecified: ['0.0.0.0/8', '::/128'],
  loopback: ['127.0.0.0/8', '::1/128'],
  private: [
    '10.0.0.0/8',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '100.64.0.0/10', // shared address space (carrier-grade NAT)
    'fc00::/7', // unique local
    'fec0::/10', // deprecated site-local
    '64:ff9b:1::/48', // local-use NAT64
  ],
  'link-local': ['169.254.0.0/16', 'fe80::/10'],
  multicast: ['224.0.0.0/4', 'ff00::/8'],
  reserved: [
    '240.0.0.0/4', // future use, and 255.255.255.255 broadcast
    '192.0.0.0/24', // IETF protocol assignments
    '192.0.2.0/24', // documentation
    '198.51.100.0/24',
    '203.0.113.0/24',
    '198.18.0.0/15', // benchmarking
    '2001:db8::/32',
    '100::/64', // discard-only
  ],
};

function subnetList(subnets: Iterable<string>): BlockList {
  const list = new BlockList();
  for (const subnet of subnets) {
    const [address, bits] = subnet.split('/') as [string, string?];
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

// BlockList also matches IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) against IPv4 subnets.
const SPECIAL_LISTS = Object.entries(SPECIAL_SUBNETS).map(
  ([range, subnets]) => [range as SpecialRange, subnetList(subnets)] as const,
);

/** The special range `address` (an IP literal) falls in, or null for a public address. */
export function specialRange(address: string): SpecialRange | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  for (const [range, list] of SPECIAL_LISTS) if (list.check(address, family)) return range;
  return null;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/**
 * Parses IMPORT_URL_ALLOW_HOSTS (`intranet.example.org, 10.1.0.0/16, 192.168.1.20`) into its
 * entries, lower-cased; throws an Error naming the first entry that is neither a host name, an
 * address nor a subnet.
 */
export function parseAllowHosts(list: string | undefined): string[] {
  const entries: string[] = [];
  for (const raw of (list ?? '').split(',')) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1');
    if (entry === '') continue;
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const valid =
      extra === undefined &&
      (bits === undefined
        ? family !== 0 || HOST_NAME.test(entry)
        : family !== 0 && /^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!valid)
      throw new Error(
        `IMPORT_URL_ALLOW_HOSTS: "${raw.trim()}" is not a host name, an address or a subnet (10.1.0.0/16)`,
      );
    if (!entries.includes(entry)) entries.push(entry);
  }
  return entries;
}

export type UrlVerdict = { allowed: true } | { allowed: false; reason: string };

/** Resolves a host name to its addresses, as fetch would (getaddrinfo, every address). */
export type Resolver = (hostname: string) => Promise<string[]>;

const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Whether `url` may be fetched under `policy`: an http(s) URL whose host is listed, or whose
 * every address is public (or in a range the policy opens). The reason says why not, in words an
 * API client can act on.
 */
export async function checkOutboundUrl(
  url: string,
  policy: OutboundUrlPolicy,
  resolve: Resolver = systemResolver,
): Promise<UrlVerdict> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allowed: false, reason: 'it is not a URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return {
      allowed: false,
      reason: `only http and https URLs are fetched, not ${parsed.protocol}`,
    };
  // URL has already normalised the host: lower case, IPv4 in dotted form, IPv6 in brackets.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const listedNames = policy.allowHosts.filter((entry) => isIP(entry.split('/')[0]!) === 0);
  if (listedNames.includes(host)) return { allowed: true };

  let addresses: string[];
  try {
    addresses = isIP(host) !== 0 ? [host] : await resolve(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'no answer';
    return { allowed: false, reason: `its host ${host} could not be resolved (${code})` };
  }
  if (addresses.length === 0)
    return { allowed: false, reason: `its host ${host} has no addresses` };
  const listedSubnets = subnetList(
    policy.allowHosts.filter((entry) => !listedNames.includes(entry)),
  );
  for (const resolved of addresses) {
    // A scoped IPv6 address (fe80::1%eth0) is checked without its zone.
    const address = resolved.replace(/%.*$/, '');
    const range = specialRange(address);
    if (range === null || (policy.allowPrivate && PRIVATE_RANGES.has(range))) continue;
    if (listedSubnets.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')) continue;
    const where = address === host ? host : `${host} resolves to ${address}`;
    return {
      allowed: false,
      reason:
        `${where}, a ${range} address; imports fetch only from public addresses ` +
        `unless the server's IMPORT_URL_ALLOW_HOSTS or IMPORT_ALLOW_PRIVATE_URLS allows it`,
    };
  }
  return { allowed: true };
}

/** How many redirects {@link fetchWithinPolicy} follows before giving up. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * GETs `url` like fetch, checking it and every redirect target against `policy` first; a refused
 * hop (or more than {@link MAX_REDIRECTS} of them) throws an ImportInputError naming the URL and
 * why. Network errors are fetch's own.
 */
export async function fetchWithinPolicy(
  url: string,
  init: Omit<RequestInit, 'redirect' | 'method' | 'body'>,
  policy: OutboundUrlPolicy,
  resolve: Resolver = systemResolver,
): Promise<Response> {
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const verdict = await checkOutboundUrl(current, policy, resolve);
    if (!verdict.allowed) {
      const via = current === url ? '' : ` (redirected to ${current})`;
      throw new ImportInputError(`${url} was not fetched${via}: ${verdict.reason}`, {
        source: url,
      });
    }
    const response = await fetch(current, { ...init, redirect: 'manual' });
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return response;
    await response.body?.cancel();
    if (redirects === MAX_REDIRECTS)
      throw new ImportInputError(`${url} was not fetched: more than ${MAX_REDIRECTS} redirects`, {
        source: url,
      });
    current = new URL(location, current).href;
  }
}
