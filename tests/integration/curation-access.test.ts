import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableUser, revokeToken } from '../../server/auth/accounts.ts';
import type { Role } from '../../server/auth/roles.ts';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';
import {
  call,
  createAccounts,
  createUserWithToken,
  serve,
  signIn,
  type Account,
  type Served,
} from './curation-fixture.ts';

const db = openTestDatabase();
let app: Served;
let gated: Served;
let noSessions: Served;
let accounts: Record<Role, Account>;
let viewId = '';

type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', 'viewer', 'editor', 'admin'];

/**
 * Every write endpoint, the least role it needs, and a request for it. Bodies are invalid (or
 * versions stale) on purpose: a caller who is let in gets 400/404/409 from validation, so the
 * matrix proves the gate without changing the graph; a caller who is not gets 401 or 403.
 */
const WRITES: {
  endpoint: string;
  method: string;
  path: () => string;
  body?: unknown;
  allowed: Who[];
}[] = [
  {
    endpoint: 'create entity',
    method: 'POST',
    path: () => '/api/curation/entities',
    body: {},
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'update entity',
    method: 'PATCH',
    path: () => '/api/curation/entities/org:x',
    body: {},
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'delete entity',
    method: 'DELETE',
    path: () => '/api/curation/entities/org:x',
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'merge',
    method: 'POST',
    path: () => '/api/curation/merge',
    body: {},
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'state relationship',
    method: 'POST',
    path: () => '/api/curation/relationships',
    body: {},
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'change relationship',
    method: 'PATCH',
    path: () => '/api/curation/relationships',
    body: {},
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'delete relationship',
    method: 'DELETE',
    path: () => '/api/curation/relationships',
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'create annotation',
    method: 'POST',
    path: () => '/api/curation/annotations',
    body: {},
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'update annotation',
    method: 'PATCH',
    path: () => '/api/curation/annotations/not-a-uuid',
    body: {},
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'delete annotation',
    method: 'DELETE',
    path: () => '/api/curation/annotations/not-a-uuid',
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'start import',
    method: 'POST',
    path: () => '/api/imports',
    body: {},
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'save view',
    method: 'POST',
    path: () => '/api/views',
    body: {},
    allowed: ['viewer', 'editor', 'admin'],
  },
  // The view is the editor's: the viewer is signed in but not its owner.
  {
    endpoint: 'update view',
    method: 'PATCH',
    path: () => `/api/views/${viewId}`,
    body: { version: 99 },
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'delete view',
    method: 'DELETE',
    path: () => `/api/views/${viewId}?version=99`,
    allowed: ['editor', 'admin'],
  },
  {
    endpoint: 'sign out',
    method: 'DELETE',
    path: () => '/api/auth/session',
    allowed: ['viewer', 'editor', 'admin'],
  },
];

const credentials = (who: Who) => (who === 'anonymous' ? {} : { token: accounts[who].token });

beforeAll(async () => {
  await resetGraph(db);
  accounts = await createAccounts(db);
  app = await serve(db);
  gated = await serve(db, { auth: { sessionSecret: 'x'.repeat(40), readsRequireSignIn: true } });
  noSessions = await serve(db, { auth: {} });
  const view = await call(
    app.url,
    'POST',
    '/api/views',
    { name: 'v', state: { entities: [] } },
    credentials('editor'),
  );
  viewId = view.body.id;
});
afterAll(async () => {
  await Promise.all([app.close(), gated.close(), noSessions.close()]);
  await resetGraph(db);
  await db.close();
});

describe('the permission matrix: every role × every write endpoint', () => {
  const cases = WRITES.flatMap((w) =>
    WHO.map((who) => ({ ...w, who, allow: w.allowed.includes(who) })),
  );
  it.each(cases)('$endpoint as $who: $allow', async ({ method, path, body, who, allow }) => {
    const before = await query(db, 'MATCH (e:AuditEvent) RETURN count(e) AS n');
    const reply = await call(app.url, method, path(), body, credentials(who));
    if (allow) {
      expect([400, 404, 409, 204]).toContain(reply.status);
    } else {
      expect(reply.status).toBe(who === 'anonymous' ? 401 : 403);
      expect(reply.body.error.code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
    expect(await query(db, 'MATCH (e:AuditEvent) RETURN count(e) AS n')).toEqual(before);
  });

  it('accepts ADMIN_TOKEN as an admin credential and refuses unknown tokens', async () => {
    const withAdmin = await serve(db, { adminToken: 'bootstrap-admin-token-0123456789' });
    try {
      const ok = await call(
        withAdmin.url,
        'POST',
        '/api/curation/entities',
        {},
        { token: 'bootstrap-admin-token-0123456789' },
      );
      expect(ok.status).toBe(400);
      const bad = await call(
        withAdmin.url,
        'POST',
        '/api/curation/entities',
        {},
        { token: 'dpgx_not-a-token' },
      );
      expect(bad.status).toBe(401);
      expect(bad.body.error.code).toBe('INVALID_CREDENTIALS');
    } finally {
      await withAdmin.close();
    }
  });
});

describe('sessions and CSRF', () => {
  const create = (name: string) => ({ type: 'Group', properties: { name } });

  it('signs in with httpOnly SameSite=Strict cookies and a readable CSRF cookie', async () => {
    const { setCookies, csrf } = await signIn(app.url, accounts.editor.name);
    const session = setCookies.find((c) => c.startsWith('dpgx_session='))!;
    const csrfCookie = setCookies.find((c) => c.startsWith('dpgx_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).not.toMatch(/Secure/i);
    expect(csrfCookie).not.toMatch(/HttpOnly/i);
    expect(csrfCookie).toContain(`dpgx_csrf=${encodeURIComponent(csrf)}`);
  });

  it('marks cookies Secure when configured', async () => {
    const secure = await serve(db, { auth: { sessionSecret: 'y'.repeat(40), cookieSecure: true } });
    try {
      const { setCookies } = await signIn(secure.url, accounts.viewer.name);
      expect(setCookies.every((c) => /;\s*Secure/i.test(c))).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('rejects a cookie-authenticated write without the CSRF header, or with a wrong one', async () => {
    const { cookie, csrf } = await signIn(app.url, accounts.editor.name);
    const missing = await call(app.url, 'POST', '/api/curation/entities', create('Csrf One'), {
      cookie,
    });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('CSRF_REJECTED');
    const wrong = await call(app.url, 'POST', '/api/curation/entities', create('Csrf One'), {
      cookie,
      csrf: `${csrf}x`,
    });
    expect(wrong.status).toBe(403);
    const other = await signIn(app.url, accounts.admin.name);
    const crossed = await call(app.url, 'POST', '/api/curation/entities', create('Csrf One'), {
      cookie,
      csrf: other.csrf,
    });
    expect(crossed.status).toBe(403);
    const ok = await call(app.url, 'POST', '/api/curation/entities', create('Csrf One'), {
      cookie,
      csrf,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.provenance[0].source).toBe(`source:editor:${accounts.editor.id}`);
  });

  it('does not ask bearer-token requests for a CSRF header', async () => {
    const reply = await call(
      app.url,
      'POST',
      '/api/curation/entities',
      create('Csrf Two'),
      credentials('editor'),
    );
    expect(reply.status).toBe(201);
  });

  it('reports who is signed in, and signs out for good', async () => {
    const { cookie, csrf } = await signIn(app.url, accounts.viewer.name);
    const me = await call(app.url, 'GET', '/api/auth/me', undefined, { cookie });
    expect(me.body).toMatchObject({
      user: { name: accounts.viewer.name, role: 'viewer' },
      via: 'session',
      sessionsEnabled: true,
    });
    expect((await call(app.url, 'DELETE', '/api/auth/session', undefined, { cookie })).status).toBe(
      403,
    );
    expect(
      (await call(app.url, 'DELETE', '/api/auth/session', undefined, { cookie, csrf })).status,
    ).toBe(204);
    const after = await call(app.url, 'GET', '/api/auth/me', undefined, { cookie });
    expect(after.body.user).toBeNull();
  });

  it('refuses a wrong password, and sign-in when no SESSION_SECRET is set', async () => {
    const wrong = await call(app.url, 'POST', '/api/auth/session', {
      name: accounts.admin.name,
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    const nobody = await call(app.url, 'POST', '/api/auth/session', {
      name: 'nobody',
      password: 'whatever',
    });
    expect(nobody.status).toBe(401);
    const disabled = await call(noSessions.url, 'POST', '/api/auth/session', {
      name: accounts.admin.name,
      password: 'x',
    });
    expect(disabled.status).toBe(403);
    expect(disabled.body.error.code).toBe('SESSIONS_DISABLED');
  });

  it('stops honouring revoked tokens and disabled accounts', async () => {
    const { id, token } = await createUserWithToken(db, 'short-lived', 'editor');
    expect((await call(app.url, 'GET', '/api/auth/me', undefined, { token })).body.user.name).toBe(
      'short-lived',
    );
    await revokeToken(db, id);
    expect((await call(app.url, 'GET', '/api/auth/me', undefined, { token })).status).toBe(401);
    const second = await createUserWithToken(db, 'soon-disabled', 'editor');
    await disableUser(db, 'soon-disabled');
    expect(
      (await call(app.url, 'GET', '/api/auth/me', undefined, { token: second.token })).status,
    ).toBe(401);
  });
});

describe('reads that need sign-in (READS_REQUIRE_SIGN_IN)', () => {
  it.each(['/api/stats', '/api/search?q=x', `/api/views`, '/api/curation/annotations'])(
    'GET %s needs a viewer',
    async (path) => {
      expect((await call(gated.url, 'GET', path)).status).toBe(401);
      expect((await call(gated.url, 'GET', path, undefined, credentials('viewer'))).status).toBe(
        200,
      );
    },
  );

  it.each(['/api/health', '/api/openapi.json', '/api/auth/me'])(
    'GET %s stays public',
    async (path) => {
      expect([200, 503]).toContain((await call(gated.url, 'GET', path)).status);
    },
  );

  it('leaves reads public by default, but the audit feed always needs an account', async () => {
    expect((await call(app.url, 'GET', '/api/stats')).status).toBe(200);
    expect((await call(app.url, 'GET', '/api/audit')).status).toBe(401);
    expect(
      (await call(app.url, 'GET', '/api/audit', undefined, credentials('viewer'))).status,
    ).toBe(200);
  });
});
