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
 * itself, checking every hop. It also checks at connect time: its requests go through an undici
 * Agent whose DNS lookup refuses what the policy refuses, so the address checked is the address
 * connected to. Without that, a DNS server answering a public address to the check and 127.0.0.1
 * a few milliseconds later to the connection (DNS rebinding) would slip past.
 */
import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Agent, fetch, type RequestInit, type Response } from 'undici';
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
  if (listedHostNames(policy).includes(host)) return { allowed: true };

  let addresses: string[];
  try {
    addresses = isIP(host) !== 0 ? [host] : await resolve(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'no answer';
    return { allowed: false, reason: `its host ${host} could not be resolved (${code})` };
  }
  return addressesVerdict(host, addresses, policy);
}

/** Host names (lower case) the policy lists: allowed whatever they resolve to. */
function listedHostNames(policy: OutboundUrlPolicy): string[] {
  return policy.allowHosts.filter((entry) => isIP(entry.split('/')[0]!) === 0);
}

/** Whether every address `host` resolved to is one the policy allows connecting to. */
function addressesVerdict(
  host: string,
  addresses: readonly string[],
  policy: OutboundUrlPolicy,
): UrlVerdict {
  if (addresses.length === 0)
    return { allowed: false, reason: `its host ${host} has no addresses` };
  const listedNames = listedHostNames(policy);
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

/** A connection refused at connect time: the name now resolves to an address the policy refuses. */
export class RefusedAddressError extends Error {
  readonly code = 'EADDRREFUSEDBYPOLICY';
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A DNS lookup for net/tls.connect that resolves with `resolve` and hands the connection only
 * addresses the policy allows: the very addresses it connects to are the ones checked.
 */
export function policyLookup(policy: OutboundUrlPolicy, resolve: Resolver = systemResolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const host = hostname.toLowerCase();
    resolve(host).then(
      (resolved) => {
        if (!listedHostNames(policy).includes(host)) {
          const verdict = addressesVerdict(host, resolved, policy);
          if (!verdict.allowed) {
            callback(new RefusedAddressError(verdict.reason), '');
            return;
          }
        }
        const wanted = { IPv4: 4, IPv6: 6 }[String(options.family)] ?? Number(options.family ?? 0);
        const entries = resolved
          .map((address) => ({ address, family: isIP(address.replace(/%.*$/, '')) }))
          .filter(({ family }) => !wanted || family === wanted);
        if (entries.length === 0) {
          const error = Object.assign(new Error(`${host} has no address of that family`), {
            code: 'ENOTFOUND',
          });
          callback(error, '');
        } else if (options.all) callback(null, entries);
        else callback(null, entries[0]!.address, entries[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

// One Agent (a connection pool) per policy and resolver: the server has one policy, so imports
// share their connections.
const agents = new WeakMap<OutboundUrlPolicy, WeakMap<Resolver, Agent>>();

function policyAgent(policy: OutboundUrlPolicy, resolve: Resolver): Agent {
  let byResolver = agents.get(policy);
  if (!byResolver) agents.set(policy, (byResolver = new WeakMap()));
  let agent = byResolver.get(resolve);
  if (!agent)
    byResolver.set(
      resolve,
      (agent = new Agent({ connect: { lookup: policyLookup(policy, resolve) } })),
    );
  return agent;
}

/** How many redirects {@link fetchWithinPolicy} follows before giving up. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * GETs `url` like fetch, checking it and every redirect target against `policy` first, and every
 * address it connects to (see {@link policyLookup}); a refused hop or address (or more than
 * {@link MAX_REDIRECTS} redirects) throws an ImportInputError naming the URL and why. Network
 * errors are fetch's own. `resolve` serves both the check and the connection (tests inject one).
 */
export async function fetchWithinPolicy(
  url: string,
  init: Omit<RequestInit, 'redirect' | 'method' | 'body' | 'dispatcher'>,
  policy: OutboundUrlPolicy,
  resolve: Resolver = systemResolver,
): Promise<Response> {
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const via = current === url ? '' : ` (redirected to ${current})`;
    const refused = (reason: string) =>
      new ImportInputError(`${url} was not fetched${via}: ${reason}`, { source: url });
    // Checked before connecting too: an address literal is never looked up at connect time, and
    // a refusal here reads better than a failed connection.
    const verdict = await checkOutboundUrl(current, policy, resolve);
    if (!verdict.allowed) throw refused(verdict.reason);
    let response: Response;
    try {
      response = await fetch(current, {
        ...init,
        redirect: 'manual',
        dispatcher: policyAgent(policy, resolve),
      });
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof RefusedAddressError) throw refused(cause.message);
      throw error;
    }
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
