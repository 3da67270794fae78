// The outbound URL policy of POST /api/imports (SSRF): which addresses count as non-public, how
// a host's every resolved address is checked, what the opt-ins open, and that redirects are
// followed by hand and checked hop by hop, and that the address connected to is checked too (DNS
// rebinding). Name resolution is faked where a test needs a name; redirects are served by a
// loopback server (allowed by listing 127.0.0.1).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportInputError } from '../../server/errors.ts';
import {
  checkOutboundUrl,
  fetchWithinPolicy,
  MAX_REDIRECTS,
  parseAllowHosts,
  policyLookup,
  PUBLIC_ONLY_URL_POLICY,
  specialRange,
  type OutboundUrlPolicy,
  type Resolver,
} from '../../server/http/outbound-url-policy.ts';

describe('specialRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
  ])('%s is %s', (address, range) => {
    expect(specialRange(address)).toBe(range);
  });

  it.each(['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(specialRange(address)).toBeNull();
    },
  );
});

describe('parseAllowHosts', () => {
  it('reads host names, addresses and subnets, lower-cased, without duplicates', () => {
    expect(
      parseAllowHosts(' Intranet.Example.org, 10.1.0.0/16,[fd00::1], intranet.example.org'),
    ).toEqual(['intranet.example.org', '10.1.0.0/16', 'fd00::1']);
    expect(parseAllowHosts(undefined)).toEqual([]);
  });

  it.each(['http://intranet', '10.0.0.0/33', 'host name', '10.0.0.0/8/1', 'bad_host!'])(
    'refuses %s, naming it',
    (entry) => {
      expect(() => parseAllowHosts(`ok.example.org,${entry}`)).toThrow(entry);
    },
  );
});

/** A resolver answering from a table, as DNS would. */
const fakeDns =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return addresses;
  };

const dns = fakeDns({
  'api.example.org': ['93.184.216.34', '2606:2800:220:1::1'],
  'metadata.example.org': ['169.254.169.254'],
  'rebound.example.org': ['93.184.216.34', '10.0.0.7'],
  'intranet.example.org': ['10.20.0.5'],
  'printer.example.org': ['169.254.10.10'],
});

describe('checkOutboundUrl, by default', () => {
  const check = (url: string) => checkOutboundUrl(url, PUBLIC_ONLY_URL_POLICY, dns);

  it('allows an http(s) host whose every address is public', async () => {
    expect(await check('https://api.example.org/dpgs')).toEqual({ allowed: true });
    expect(await check('http://93.184.216.34:8080/x')).toEqual({ allowed: true });
  });

  it.each([
    ['http://127.0.0.1:7474/', /127\.0\.0\.1, a loopback address/],
    ['http://localhost/', /loopback/],
    ['http://[::1]/', /::1, a loopback address/],
    ['http://[::ffff:7f00:1]/', /loopback/],
    ['http://2130706433/', /127\.0\.0\.1, a loopback/],
    ['http://0x7f.1/', /loopback/],
    ['http://10.0.0.1/', /private/],
    ['http://192.168.0.10/', /private/],
    ['http://[fd00::5]/', /private/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://metadata.example.org/', /metadata\.example\.org resolves to 169\.254\.169\.254/],
    ['http://0.0.0.0/', /unspecified/],
    ['http://224.0.0.251/', /multicast/],
  ])('refuses %s', async (url, reason) => {
    const verdict = await checkOutboundUrl(url, PUBLIC_ONLY_URL_POLICY, async (host) =>
      host === 'localhost' ? ['127.0.0.1', '::1'] : dns(host),
    );
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.reason).toMatch(reason);
  });

  it('refuses a host when any one of its addresses is not public', async () => {
    const verdict = await check('https://rebound.example.org/');
    expect(!verdict.allowed && verdict.reason).toMatch(/10\.0\.0\.7, a private address/);
  });

  it('refuses other schemes, and names it', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://api.example.org/x',
      'gopher://api.example.org/',
    ])
      expect(await check(url)).toMatchObject({ allowed: false, reason: /only http and https/ });
  });

  it('refuses a host that does not resolve, saying so', async () => {
    expect(await check('https://nowhere.example.org/')).toMatchObject({
      allowed: false,
      reason: /could not be resolved \(ENOTFOUND\)/,
    });
  });
});

describe('checkOutboundUrl, with the opt-ins', () => {
  it('IMPORT_ALLOW_PRIVATE_URLS opens loopback and private addresses only', async () => {
    const policy: OutboundUrlPolicy = { allowPrivate: true, allowHosts: [] };
    expect(await checkOutboundUrl('http://127.0.0.1:8080/', policy, dns)).toEqual({
      allowed: true,
    });
    expect(await checkOutboundUrl('http://intranet.example.org/', policy, dns)).toEqual({
      allowed: true,
    });
    for (const url of ['http://169.254.169.254/', 'http://0.0.0.0/', 'http://224.0.0.1/'])
      expect((await checkOutboundUrl(url, policy, dns)).allowed).toBe(false);
  });

  it('IMPORT_URL_ALLOW_HOSTS opens the hosts, addresses and subnets it lists', async () => {
    const policy: OutboundUrlPolicy = {
      allowPrivate: false,
      allowHosts: ['printer.example.org', '10.20.0.0/16', '127.0.0.1'],
    };
    for (const url of [
      'http://printer.example.org/',
      'http://intranet.example.org/',
      'http://127.0.0.1:9000/',
    ])
      expect(await checkOutboundUrl(url, policy, dns)).toEqual({ allowed: true });
    for (const url of ['http://10.21.0.1/', 'http://127.0.0.2/', 'http://metadata.example.org/'])
      expect((await checkOutboundUrl(url, policy, dns)).allowed).toBe(false);
  });
});

describe('fetchWithinPolicy', () => {
  let server: Server;
  let base = '';
  const requests: string[] = [];
  // Only the loopback server itself is allowed: every redirect elsewhere is a refused hop.
  const policy: OutboundUrlPolicy = { allowPrivate: false, allowHosts: ['127.0.0.1'] };

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const port = (server.address() as AddressInfo).port;
      const hop = /^\/hop\/(\d+)$/.exec(req.url ?? '');
      if (req.url === '/doc') res.end('{"ok":true}');
      else if (req.url === '/to-doc') res.writeHead(302, { location: '/doc' }).end();
      else if (req.url === '/to-metadata')
        res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      else if (req.url === '/to-other-loopback')
        res.writeHead(307, { location: `http://127.0.0.2:${port}/doc` }).end();
      else if (hop) res.writeHead(302, { location: `/hop/${Number(hop[1]) + 1}` }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('follows a redirect to an allowed address', async () => {
    const response = await fetchWithinPolicy(`${base}/to-doc`, {}, policy);
    expect([response.status, await response.text()]).toEqual([200, '{"ok":true}']);
  });

  it.each([
    ['/to-metadata', /redirected to http:\/\/169\.254\.169\.254.*link-local/],
    ['/to-other-loopback', /redirected to http:\/\/127\.0\.0\.2.*loopback/],
  ])('refuses a redirect %s to a refused address, without requesting it', async (path, reason) => {
    const before = requests.length;
    const refused = fetchWithinPolicy(`${base}${path}`, {}, policy);
    await expect(refused).rejects.toThrow(ImportInputError);
    await expect(refused).rejects.toThrow(reason);
    expect(requests.slice(before)).toEqual([path]);
  });

  it(`gives up after ${MAX_REDIRECTS} redirects`, async () => {
    await expect(fetchWithinPolicy(`${base}/hop/0`, {}, policy)).rejects.toThrow(
      /more than 5 redirects/,
    );
  });

  it('refuses the first URL itself before any request', async () => {
    const before = requests.length;
    await expect(fetchWithinPolicy(`${base}/doc`, {}, PUBLIC_ONLY_URL_POLICY)).rejects.toThrow(
      /loopback/,
    );
    expect(requests.length).toBe(before);
  });
});

describe('fetchWithinPolicy against DNS rebinding', () => {
  let server: Server;
  let port = 0;
  const requests: string[] = [];

  /**
   * A rebinding DNS server: `rebinding.example.org` is public on the first question (the policy
   * check) and loopback on every later one (the connection); `loopback.example.org` is always
   * loopback. Counts the questions.
   */
  function rebindingDns() {
    const asked: string[] = [];
    const resolve: Resolver = async (host) => {
      asked.push(host);
      if (host === 'rebinding.example.org')
        return asked.filter((h) => h === host).length === 1 ? ['93.184.216.34'] : ['127.0.0.1'];
      if (host === 'loopback.example.org') return ['127.0.0.1'];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    return { resolve, asked };
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/doc') res.end('{"ok":true}');
      else if (req.url === '/to-rebinding')
        res.writeHead(302, { location: `http://rebinding.example.org:${port}/doc` }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('connects through the injected resolver (the control: real DNS knows no such name)', async () => {
    const { resolve, asked } = rebindingDns();
    const policy: OutboundUrlPolicy = { allowPrivate: true, allowHosts: [] };
    const response = await fetchWithinPolicy(
      `http://loopback.example.org:${port}/doc`,
      {},
      policy,
      resolve,
    );
    expect([response.status, await response.text()]).toEqual([200, '{"ok":true}']);
    // Once for the check, once for the connection.
    expect(asked).toEqual(['loopback.example.org', 'loopback.example.org']);
  });

  it('refuses a name that resolves to a public address for the check and loopback to connect', async () => {
    const { resolve, asked } = rebindingDns();
    const before = requests.length;
    const refused = fetchWithinPolicy(
      `http://rebinding.example.org:${port}/doc`,
      {},
      PUBLIC_ONLY_URL_POLICY,
      resolve,
    );
    await expect(refused).rejects.toThrow(ImportInputError);
    await expect(refused).rejects.toThrow(
      /rebinding\.example\.org resolves to 127\.0\.0\.1.*loopback/,
    );
    expect(asked.length).toBe(2);
    expect(requests.length).toBe(before);
  });

  it('refuses a redirect to a rebinding name, without requesting it', async () => {
    const { resolve } = rebindingDns();
    // The first hop's name is listed (allowed wherever it points); the redirect's is not.
    const policy: OutboundUrlPolicy = { allowPrivate: false, allowHosts: ['loopback.example.org'] };
    const before = requests.length;
    const refused = fetchWithinPolicy(
      `http://loopback.example.org:${port}/to-rebinding`,
      {},
      policy,
      resolve,
    );
    await expect(refused).rejects.toThrow(
      /redirected to http:\/\/rebinding\.example\.org.*loopback/,
    );
    expect(requests.slice(before)).toEqual(['/to-rebinding']);
  });
});

describe('policyLookup', () => {
  const lookup = (
    policy: OutboundUrlPolicy,
    options: { all?: boolean; family?: number },
    host = 'api.example.org',
  ) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>(
      (resolve) =>
        policyLookup(policy, dns)(host, options, (error, address, family) =>
          resolve({ error, address, family }),
        ),
    );

  it('answers every allowed address when asked for all, or the first of the family asked for', async () => {
    expect(await lookup(PUBLIC_ONLY_URL_POLICY, { all: true })).toEqual({
      error: null,
      address: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::1', family: 6 },
      ],
      family: undefined,
    });
    expect(await lookup(PUBLIC_ONLY_URL_POLICY, { family: 6 })).toEqual({
      error: null,
      address: '2606:2800:220:1::1',
      family: 6,
    });
  });

  it('fails the connection when any address is refused, and lets listed names through', async () => {
    const refused = await lookup(PUBLIC_ONLY_URL_POLICY, { all: true }, 'rebound.example.org');
    expect(refused.error?.code).toBe('EADDRREFUSEDBYPOLICY');
    const listed: OutboundUrlPolicy = { allowPrivate: false, allowHosts: ['metadata.example.org'] };
    expect((await lookup(listed, {}, 'metadata.example.org')).address).toBe('169.254.169.254');
  });
});
