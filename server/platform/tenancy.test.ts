import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publicSessionId } from '../modules/sessions/own-sessions.js';
import { makeCustomer, makeOperator, makeTenant, makeUser } from '../test/factories.js';
import { countRows, invitationTokenIn, latestMailTo, signedIn, steppedUp } from '../test/helpers.js';
import { TestClient } from '../test/http-client.js';
import { registeredRoutes } from '../test/route-collector.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

vi.mock('fastify', async (importOriginal) =>
  (await import('../test/route-collector.js')).withRouteCollector(await importOriginal()),
);

/**
 * Every route in Fastify's route table, classified. A new route makes the first test fail until
 * it is added here — and with that, to the signed-out and cross-tenant walks below.
 */
type Ids = {
  tenantId: string;
  customerId: string;
  token: string;
  organizationId: string;
  sessionId: string;
  termsId: string;
  userId: string;
  memberId: string;
  groupId: string;
  passkeyId: string;
  certificateId: string;
  requestId: string;
  postalCode: string;
  templateKey: string;
  locale: string;
};
type RouteSpec = {
  /** Who may call it without a session. */
  access: 'public' | 'protected';
  /** For public routes: the answer to a signed-out caller (an unknown token where there is one). */
  anonymous?: number;
  /** A request that would succeed for the right caller, built from one tenant's objects. */
  body?: (ids: Ids) => unknown;
  /** The body names an object by id (path parameters are found on their own). */
  idInBody?: true;
};

const knownRoutes: Record<string, RouteSpec> = {
  // Health, documentation and the demo mailbox.
  'GET /healthz': { access: 'public', anonymous: 200 },
  'GET /readyz': { access: 'public', anonymous: 200 },
  'GET /mailbox': { access: 'public', anonymous: 200 },
  'GET /api/openapi.json': { access: 'public', anonymous: 200 },
  'GET /api/docs': { access: 'public', anonymous: 200 },
  'GET /api/docs/json': { access: 'public', anonymous: 200 },
  'GET /api/docs/yaml': { access: 'public', anonymous: 200 },
  'GET /api/docs/static/*': { access: 'public', anonymous: 200 },
  'GET /api/docs/static/index.html': { access: 'public', anonymous: 302 },
  'GET /api/docs/static/swagger-initializer.js': { access: 'public', anonymous: 200 },
  // Signing in and out.
  'GET /api/session': { access: 'public', anonymous: 200 },
  'POST /api/auth/login': {
    access: 'public',
    anonymous: 401,
    body: () => ({ email: 'x@example.jp', password: 'x' }),
  },
  'POST /api/auth/logout': { access: 'public', anonymous: 204 },
  // The second step of the login: without the attempt cookie the login has expired.
  'POST /api/auth/mfa/send': { access: 'public', anonymous: 401, body: () => ({ method: 'mail' }) },
  'POST /api/auth/mfa/verify': {
    access: 'public',
    anonymous: 401,
    body: () => ({ method: 'totp', code: '123456' }),
  },
  // The user's own second factors (ID-4).
  'GET /api/me/mfa': { access: 'protected' },
  'POST /api/me/reauth': { access: 'protected', body: () => ({ password: 'Correct-Horse-42!' }) },
  'POST /api/me/mfa/totp/setup': { access: 'protected' },
  'POST /api/me/mfa/totp/confirm': { access: 'protected', body: () => ({ code: '123456' }) },
  'DELETE /api/me/mfa/totp': { access: 'protected' },
  'POST /api/me/mfa/recovery-codes': { access: 'protected' },
  'POST /api/me/mobile/verification': { access: 'protected', body: () => ({ mobile: '090-1234-5678' }) },
  'POST /api/me/mobile/verification/confirm': { access: 'protected', body: () => ({ code: '123456' }) },
  'PUT /api/me/mfa/preferred': { access: 'protected', body: () => ({ method: 'mail' }) },
  // Admins and factors (ID-4, ID-5).
  'POST /api/users/:userId/mfa/reset': { access: 'protected' },
  'GET /api/organizations/:organizationId/mfa-policy': { access: 'protected' },
  'PUT /api/organizations/:organizationId/mfa-policy': {
    access: 'protected',
    body: () => ({ requireMfa: true, allowedMethods: ['totp'], requireCertificateForAdmins: false }),
  },
  // Invitation links: the unguessable token is the credential, so they are public by design.
  'GET /api/invitations/:token': { access: 'public', anonymous: 404 },
  'POST /api/invitations/:token/accept': {
    access: 'public',
    anonymous: 404,
    body: () => ({ name: '名　前', password: 'Long-Enough-123!', passwordConfirm: 'Long-Enough-123!' }),
  },
  'POST /api/invitations/:token/verify': {
    access: 'public',
    anonymous: 404,
    body: () => ({ email: 'x@example.jp', name: '名前', phone: '0312345678' }),
  },
  // Password reset links: public like the invitation links; the request answers the same for any address.
  'POST /api/auth/password-reset': {
    access: 'public',
    anonymous: 202,
    body: () => ({ email: 'x@example.jp' }),
  },
  'GET /api/password-resets/:token': { access: 'public', anonymous: 404 },
  'POST /api/password-resets/:token': {
    access: 'public',
    anonymous: 404,
    body: () => ({ password: 'Long-Enough-123!', passwordConfirm: 'Long-Enough-123!' }),
  },
  // Signed-in users.
  'POST /api/me/password': {
    access: 'protected',
    body: () => ({ currentPassword: 'x', password: 'Long-Enough-123!', passwordConfirm: 'Long-Enough-123!' }),
  },
  'GET /api/me/password-policy': { access: 'protected' },
  'GET /api/me/sessions': { access: 'protected' },
  'DELETE /api/me/sessions/:sessionId': { access: 'protected' },
  'POST /api/me/passkeys/options': { access: 'protected' },
  // The passkey login step: no login attempt cookie, so the attempt has expired.
  'POST /api/auth/mfa/passkey/options': { access: 'public', anonymous: 401 },
  'POST /api/me/passkeys': { access: 'protected' },
  'GET /api/me/passkeys': { access: 'protected' },
  'DELETE /api/me/passkeys/:passkeyId': { access: 'protected' },
  'GET /api/terms/current': { access: 'protected' },
  'POST /api/terms/:termsId/accept': { access: 'protected' },
  'GET /api/memberships': { access: 'protected' },
  'GET /api/me/profile': { access: 'protected' },
  'PATCH /api/me/profile': { access: 'protected', body: () => ({ name: '越境　太郎' }) },
  // User administration, in every portal for its admins.
  'GET /api/users': { access: 'protected' },
  'POST /api/users': {
    access: 'protected',
    body: () => ({
      email: 'crossing-user@example.jp',
      phone: '0312345678',
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      role: 'member',
    }),
  },
  'GET /api/users/:userId': { access: 'protected' },
  'PATCH /api/users/:userId': { access: 'protected', body: () => ({ name: '越境　太郎' }) },
  'POST /api/users/:userId/disable': { access: 'protected' },
  'POST /api/users/:userId/enable': { access: 'protected' },
  'POST /api/users/:userId/unlock': { access: 'protected' },
  'POST /api/users/invitations/:memberId/resend': { access: 'protected' },
  'POST /api/users/invitations/:memberId/cancel': { access: 'protected' },
  'POST /api/users/:userId/temporary-password': { access: 'protected' },
  // Client certificates (ID-15).
  'GET /api/users/:userId/certificates': { access: 'protected' },
  'POST /api/users/:userId/certificates': { access: 'protected' },
  'POST /api/users/:userId/certificates/reissue': { access: 'protected' },
  'POST /api/certificates/:certificateId/revoke': { access: 'protected' },
  'GET /api/me/certificates': { access: 'protected' },
  // The client CA and its CRL, public for proxies.
  'GET /api/certificates/ca.pem': { access: 'public', anonymous: 200 },
  'GET /pki/client-ca.crl': { access: 'public', anonymous: 200 },
  'GET /pki/client-ca.crl.pem': { access: 'public', anonymous: 200 },
  // Account procedures (ID-16): customer admins request, the operator's support handles.
  'GET /api/organization/support-id': { access: 'protected' },
  'POST /api/account-requests': {
    access: 'protected',
    body: () => ({ kind: 'reset_admin_password', supportId: 'SUP-00000000' }),
  },
  'GET /api/account-requests': { access: 'protected' },
  'GET /api/operator/account-requests': { access: 'protected' },
  'POST /api/operator/account-requests/:requestId/start': { access: 'protected' },
  'POST /api/operator/account-requests/:requestId/complete': { access: 'protected' },
  // Download links of completed procedures: the unguessable token is the credential.
  'GET /api/downloads/:token': { access: 'public', anonymous: 404 },
  'POST /api/downloads/:token/download': { access: 'public', anonymous: 404 },
  'GET /api/user-groups': { access: 'protected' },
  'POST /api/user-groups': { access: 'protected', body: () => ({ name: '越境班' }) },
  'PATCH /api/user-groups/:groupId': { access: 'protected', body: () => ({ name: '越境班' }) },
  'DELETE /api/user-groups/:groupId': { access: 'protected' },
  'PUT /api/user-groups/:groupId/members': {
    access: 'protected',
    body: (ids) => ({ userIds: [ids.userId] }),
    idInBody: true,
  },
  'PUT /api/me/locale': { access: 'protected', body: () => ({ locale: 'ja' }) },
  'POST /api/session/organization': {
    access: 'protected',
    body: (ids) => ({ organizationId: ids.tenantId }),
    idInBody: true,
  },
  // Operator console.
  'GET /api/operator/terms': { access: 'protected' },
  'POST /api/operator/terms': {
    access: 'protected',
    body: () => ({ titleJa: '規約', titleEn: 'Terms', bodyJa: '本文', bodyEn: 'Body' }),
  },
  'GET /api/operator/organizations/:organizationId/password-policy': { access: 'protected' },
  'PUT /api/operator/organizations/:organizationId/password-policy': {
    access: 'protected',
    body: () => ({
      profile: 'standard',
      minLength: 12,
      requireLower: true,
      requireUpper: true,
      requireDigit: true,
      requireSymbol: true,
      historyCount: 4,
      lockoutThreshold: 10,
      lockoutMinutes: 60,
    }),
  },
  'GET /api/operator/tenants': { access: 'protected' },
  'POST /api/operator/tenants': { access: 'protected', body: () => ({ name: '越境商事' }) },
  'GET /api/operator/tenants/:tenantId': { access: 'protected' },
  'POST /api/operator/tenants/:tenantId/invitations': {
    access: 'protected',
    body: () => ({ email: 'crossing@example.jp' }),
  },
  // A partner tenant's customers (CU-1 … CU-5) and the postal-code lookup of their form.
  'GET /api/partner/customers': { access: 'protected' },
  'POST /api/partner/customers': { access: 'protected', body: () => customerForm('越境顧客') },
  'GET /api/partner/customers/:customerId': { access: 'protected' },
  'PATCH /api/partner/customers/:customerId': { access: 'protected', body: () => customerForm('乗っ取り') },
  'DELETE /api/partner/customers/:customerId': { access: 'protected' },
  'GET /api/postal-codes/:postalCode': { access: 'protected' },
  // Tenant settings (PP-4), support page (PP-8), notification addresses (PP-6) and the operator's part (OP-1).
  'GET /api/partner/tenant-settings': { access: 'protected' },
  'PUT /api/partner/tenant-settings': {
    access: 'protected',
    body: () => ({
      utmApplicationEnabled: true,
      contractCheckExemptDays: 1,
      referrerUrls: ['https://crossing.example.jp/'],
      links: [],
    }),
  },
  'GET /api/partner/support': { access: 'protected' },
  'GET /api/partner/notification-addresses': { access: 'protected' },
  'PUT /api/partner/notification-addresses': {
    access: 'protected',
    body: () => ({ email1: 'crossing@example.jp', email1Confirm: 'crossing@example.jp' }),
  },
  // The link of a notification address's verification mail: the unguessable token is the credential.
  'GET /api/notification-addresses/verify/:token': { access: 'public', anonymous: 404 },
  'POST /api/notification-addresses/verify/:token': { access: 'public', anonymous: 404 },
  // Tenant selection (PP-1): only ever the caller's own partner tenants.
  'GET /api/partner/cross-tenant-search': { access: 'protected' },
  'GET /api/operator/tenants/:tenantId/settings': { access: 'protected' },
  'PUT /api/operator/tenants/:tenantId/application-fields': {
    access: 'protected',
    body: () => ({ fields: [{ name: '越境', required: false, type: 'text', options: [] }] }),
  },
  'PUT /api/operator/tenants/:tenantId/support-page': {
    access: 'protected',
    body: () => ({ manualsUrl: 'https://crossing.example.jp/', contactEmail: 'crossing@example.jp' }),
  },
  // A customer's login users (CU-6).
  'GET /api/partner/customers/:customerId/users': { access: 'protected' },
  'POST /api/partner/customers/:customerId/users': {
    access: 'protected',
    body: () => ({ familyName: '越境', givenName: '太郎', email: 'crossing-login@example.jp' }),
  },
  'GET /api/partner/customers/:customerId/users/:userId': { access: 'protected' },
  'PATCH /api/partner/customers/:customerId/users/:userId': {
    access: 'protected',
    body: () => ({ familyName: '乗っ取り', givenName: '太郎', email: 'crossing-login@example.jp' }),
  },
  'DELETE /api/partner/customers/:customerId/users/:userId': { access: 'protected' },
  // The tenant's mail templates (PP-7): named by key, always the caller's own tenant's.
  'GET /api/partner/mail-templates': { access: 'protected' },
  'GET /api/partner/mail-templates/copy-targets': { access: 'protected' },
  'GET /api/partner/mail-templates/:templateKey': { access: 'protected' },
  'POST /api/partner/mail-templates/:templateKey/preview': {
    access: 'protected',
    body: () => ({ locale: 'ja', subject: '件名', body: '本文 {{CompanyName}}' }),
  },
  'PUT /api/partner/mail-templates/:templateKey/:locale': {
    access: 'protected',
    body: () => ({ subject: '件名', body: '本文 {{CompanyName}}' }),
  },
  'DELETE /api/partner/mail-templates/:templateKey/:locale': { access: 'protected' },
  'POST /api/partner/mail-templates/copy': {
    access: 'protected',
    body: (ids) => ({ templateKeys: ['portal_user_provisional'], tenantIds: [ids.tenantId] }),
    idInBody: true,
  },
};

/** 顧客作成 / 顧客情報変更 form (CU-2, CU-3). */
function customerForm(name: string) {
  return {
    name,
    contactFamilyName: '越境',
    contactGivenName: '太郎',
    email: 'crossing@example.jp',
    postalCode: '733-0001',
    prefecture: '広島県',
    address: '広島市西区大芝1-2-3',
    phone: '0821234567',
  };
}

/** Routes whose path parameter is public reference data (a postal code), not anyone's object. */
const referenceRoutes = ['GET /api/postal-codes/:postalCode'];

/** Routes whose path parameters name a template of the caller's own tenant (key, language), not an object. */
const ownTenantRoutes = [
  'GET /api/partner/mail-templates/:templateKey',
  'POST /api/partner/mail-templates/:templateKey/preview',
  'PUT /api/partner/mail-templates/:templateKey/:locale',
  'DELETE /api/partner/mail-templates/:templateKey/:locale',
];

/** Routes whose path parameter is a bearer token rather than an object id. */
const tokenRoutes = [
  'GET /api/notification-addresses/verify/:token',
  'POST /api/notification-addresses/verify/:token',
  'GET /api/invitations/:token',
  'POST /api/invitations/:token/accept',
  'POST /api/invitations/:token/verify',
  'GET /api/password-resets/:token',
  'POST /api/password-resets/:token',
  'GET /api/downloads/:token',
  'POST /api/downloads/:token/download',
];

const unauthenticated = { error: { code: 'unauthenticated', message: 'ログインしてください。' } };

let t: TestApp;
let tenantA: Awaited<ReturnType<typeof makeTenant>>;
let tenantB: Awaited<ReturnType<typeof makeTenant>>;
let idsOfA: Ids[];

/** The routes of the table, GET standing for its automatic HEAD twin. */
const routes = () =>
  registeredRoutes(t.app).filter(
    (r) => r.method !== 'HEAD' || !registeredRoutes(t.app).some((g) => g.key === `GET ${r.url}`),
  );
/** The method of a route key; HEAD goes through the client's request unchanged. */
const methodOf = (key: string) => key.split(' ')[0] as Parameters<TestClient['request']>[0];

/** The concrete URL of a route for one tenant's objects; fails on a parameter nobody knows yet. */
function urlFor(url: string, ids: Ids): string {
  return url
    .replace(/:(\w+)/g, (_m, name: string) => {
      if (!(name in ids)) throw new Error(`no test value for path parameter :${name} — add one to Ids`);
      return ids[name as keyof Ids];
    })
    .replace('*', 'swagger-ui.css');
}

beforeAll(async () => {
  t = await startTestApp();
  const operator = await makeOperator(t.db);
  tenantA = await makeTenant(t.db, 'あおぞら販売');
  tenantB = await makeTenant(t.db, 'かわせみ商事');
  const customerA = await makeCustomer(t.db, tenantA.id, 'あおぞら顧客');
  await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  const adminA = await makeUser(t.db, 'admin-a@example.jp', [
    { organization: { id: tenantA.id, tenant_id: tenantA.id }, role: 'admin' },
  ]);
  // Tenant A has a user group: one more of its objects to aim at.
  const groupOfA = await t.db
    .insertInto('user_groups')
    .values({ organization_id: tenantA.id, tenant_id: tenantA.id, name: 'A の班' })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Tenant A's admin is signed in somewhere: a session id of theirs to aim at.
  await signedIn(t.app, 'admin-a@example.jp');
  const sessionOfA = await t.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select('sessions.id')
    .where('users.email', '=', 'admin-a@example.jp')
    .executeTakeFirstOrThrow();
  // Tenant A's admin has a passkey: one more of their objects to aim at.
  const passkeyOfA = await t.db
    .insertInto('passkeys')
    .values({
      user_id: adminA.id,
      credential_id: 'credential-of-a',
      public_key: Buffer.from('not a real key'),
      device_type: 'singleDevice',
      backed_up: false,
      name: 'A の鍵',
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Tenant A's admin holds a client certificate: one more of its objects to aim at.
  const certificateOfA = await t.db
    .insertInto('certificates')
    .values({
      user_id: adminA.id,
      organization_id: tenantA.id,
      tenant_id: tenantA.id,
      serial: '01',
      fingerprint: 'AA',
      subject: 'CN=A',
      certificate_pem: 'not a real certificate',
      not_before: new Date(),
      not_after: new Date(Date.now() + 86_400_000),
      issued_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A customer of tenant A has an account procedure open: one more of its objects to aim at.
  const requestOfA = await t.db
    .insertInto('account_requests')
    .values({
      organization_id: customerA.id,
      tenant_id: tenantA.id,
      kind: 'reset_admin_password',
      requested_by: adminA.id,
      target_user_id: adminA.id,
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await makeUser(t.db, 'admin-b@example.jp', [
    { organization: { id: tenantB.id, tenant_id: tenantB.id }, role: 'admin' },
  ]);
  // Tenant A has a pending invitation: one more of its objects to aim at.
  const op = await signedIn(t.app, 'op@example.jp');
  const invited = await op.post(`/api/operator/tenants/${tenantA.id}/invitations`, {
    email: 'new-a@example.jp',
  });
  expect(invited.statusCode).toBe(201);
  const token = invitationTokenIn((await latestMailTo(t.db, 'new-a@example.jp')).body);
  const invitationOfA = await t.db
    .selectFrom('memberships')
    .select('id')
    .where('organization_id', '=', tenantA.id)
    .where('status', '=', 'invited')
    .executeTakeFirstOrThrow();
  const aimed = {
    memberId: invitationOfA.id,
    sessionId: publicSessionId(sessionOfA.id),
    termsId: '1',
    userId: adminA.id,
    groupId: groupOfA.id,
    passkeyId: passkeyOfA.id,
    certificateId: certificateOfA.id,
    requestId: requestOfA.id,
    postalCode: '7330001',
    templateKey: 'portal_user_provisional',
    locale: 'ja',
  };
  idsOfA = [
    { tenantId: tenantA.id, customerId: customerA.id, token, organizationId: tenantA.id, ...aimed },
    { tenantId: customerA.id, customerId: customerA.id, token, organizationId: customerA.id, ...aimed },
  ];
});
afterAll(() => t.close());

describe('the route table', () => {
  it('holds exactly the routes this test knows, so a new route cannot slip past the walks below', () => {
    expect(routes().map((r) => r.key)).toEqual(Object.keys(knownRoutes).sort());
    // Every GET answers HEAD too, and there is no other HEAD route.
    const heads = registeredRoutes(t.app).filter((r) => r.method === 'HEAD');
    expect(heads.map((r) => r.url).sort()).toEqual(
      routes()
        .filter((r) => r.method === 'GET')
        .map((r) => r.url)
        .sort(),
    );
  });

  it('widens the row scope only where named, and only on public links and the operator console', () => {
    const widened = Object.fromEntries(
      routes()
        .filter((r) => r.route.config?.widenRowScope)
        .map((r) => [r.key, r.route.config!.widenRowScope]),
    );
    expect(widened).toEqual({
      'GET /api/certificates/ca.pem': 'certificate authority files',
      'GET /pki/client-ca.crl': 'certificate authority files',
      'GET /pki/client-ca.crl.pem': 'certificate authority files',
      'GET /api/downloads/:token': 'download link',
      'POST /api/downloads/:token/download': 'download link',
      'GET /api/notification-addresses/verify/:token': 'notification address link',
      'POST /api/notification-addresses/verify/:token': 'notification address link',
      'GET /mailbox': 'mailbox',
      'POST /api/auth/login': 'sign-in',
      'POST /api/auth/mfa/send': 'sign-in',
      'POST /api/auth/mfa/verify': 'sign-in',
      'POST /api/auth/mfa/passkey/options': 'sign-in',
      'POST /api/auth/password-reset': 'password reset link',
      'GET /api/password-resets/:token': 'password reset link',
      'POST /api/password-resets/:token': 'password reset link',
      'GET /api/invitations/:token': 'invitation link',
      'POST /api/invitations/:token/verify': 'invitation link',
      'POST /api/invitations/:token/accept': 'invitation link',
      ...Object.fromEntries(
        routes()
          .filter((r) => r.route.config?.widenRowScope === 'operator console')
          .map((r) => [r.key, 'operator console']),
      ),
    });
    for (const r of routes().filter((r) => r.route.config?.widenRowScope === 'operator console')) {
      const access = r.route.config?.access as { kind?: string } | undefined;
      expect({ key: r.key, kind: access?.kind }).toEqual({ key: r.key, kind: 'operator' });
    }
  });

  it('each route’s declared access rule agrees with this list', () => {
    for (const r of routes()) {
      const access = r.route.config?.access;
      const expected = knownRoutes[r.key]!.access;
      if (r.url.startsWith('/api/docs'))
        expect({ key: r.key, access }).toEqual({ key: r.key, access: undefined });
      else if (expected === 'public')
        expect({ key: r.key, access }).toEqual({ key: r.key, access: 'public' });
      else
        expect({ key: r.key, public: access === 'public' || !access }).toEqual({ key: r.key, public: false });
    }
  });
});

describe('signed out', () => {
  it('every route not on the public list answers 401, whatever the body', async () => {
    const anonymous = new TestClient(t.app);
    const before = await countRows(t.db);
    const protectedRoutes = registeredRoutes(t.app).filter(
      (r) => knownRoutes[r.method === 'HEAD' ? `GET ${r.url}` : r.key]?.access !== 'public',
    );
    expect(protectedRoutes.length).toBeGreaterThan(0);
    for (const r of protectedRoutes) {
      const spec = knownRoutes[r.method === 'HEAD' ? `GET ${r.url}` : r.key]!;
      const url = urlFor(r.url, idsOfA[0]!);
      const bodies = r.method === 'GET' || r.method === 'HEAD' ? [undefined] : [spec.body?.(idsOfA[0]!), {}];
      for (const body of bodies) {
        const res = await anonymous.request(methodOf(r.key), url, body);
        const answer =
          r.method === 'HEAD' ? { status: res.statusCode } : { status: res.statusCode, body: res.json() };
        expect({ route: r.key, ...answer }).toEqual({
          route: r.key,
          status: 401,
          ...(r.method === 'HEAD' ? {} : { body: unauthenticated }),
        });
      }
    }
    expect(await countRows(t.db)).toEqual(before);
  });

  it('every public route answers without a session', async () => {
    const anonymous = new TestClient(t.app);
    const unknownToken = { ...idsOfA[0]!, token: 'x'.repeat(43) };
    for (const r of routes().filter((r) => knownRoutes[r.key]!.access === 'public')) {
      const spec = knownRoutes[r.key]!;
      const res = await anonymous.request(
        methodOf(r.key) as 'GET',
        urlFor(r.url, unknownToken),
        spec.body?.(idsOfA[0]!),
      );
      expect({ route: r.key, status: res.statusCode }).toEqual({ route: r.key, status: spec.anonymous });
      if (res.statusCode === 401)
        expect(res.json().error.code).toMatch(/^(invalid_credentials|login_expired)$/);
    }
  });
});

describe('another tenant’s objects', () => {
  it('a partner admin of tenant B gets 403 or 404 on every route that takes an id of tenant A, and nothing changes', async () => {
    const adminB = await signedIn(t.app, 'admin-b@example.jp');
    const sessionBefore = (await adminB.get('/api/session')).json();
    expect(sessionBefore.current.code).toBe(tenantB.code);
    const before = await countRows(t.db);

    const withIds = routes().filter(
      (r) =>
        !tokenRoutes.includes(r.key) &&
        !referenceRoutes.includes(r.key) &&
        !ownTenantRoutes.includes(r.key) &&
        (r.url.includes(':') || knownRoutes[r.key]!.idInBody),
    );
    const walked: string[] = [];
    for (const r of withIds) {
      const spec = knownRoutes[r.key]!;
      for (const ids of idsOfA) {
        const res = await adminB.request(methodOf(r.key), urlFor(r.url, ids), spec.body?.(ids));
        expect({ route: r.key, ids, refused: [403, 404].includes(res.statusCode) }).toEqual({
          route: r.key,
          ids,
          refused: true,
        });
        expect(res.json().error.code).toMatch(/^(forbidden|not_found)$/);
      }
      walked.push(r.key);
    }
    expect(walked).toEqual([
      'DELETE /api/me/passkeys/:passkeyId',
      'DELETE /api/me/sessions/:sessionId',
      'DELETE /api/partner/customers/:customerId',
      'DELETE /api/partner/customers/:customerId/users/:userId',
      'DELETE /api/user-groups/:groupId',
      'GET /api/operator/organizations/:organizationId/password-policy',
      'GET /api/operator/tenants/:tenantId',
      'GET /api/operator/tenants/:tenantId/settings',
      'GET /api/organizations/:organizationId/mfa-policy',
      'GET /api/partner/customers/:customerId',
      'GET /api/partner/customers/:customerId/users',
      'GET /api/partner/customers/:customerId/users/:userId',
      'GET /api/users/:userId',
      'GET /api/users/:userId/certificates',
      'PATCH /api/partner/customers/:customerId',
      'PATCH /api/partner/customers/:customerId/users/:userId',
      'PATCH /api/user-groups/:groupId',
      'PATCH /api/users/:userId',
      'POST /api/certificates/:certificateId/revoke',
      'POST /api/operator/account-requests/:requestId/complete',
      'POST /api/operator/account-requests/:requestId/start',
      'POST /api/operator/tenants/:tenantId/invitations',
      'POST /api/partner/customers/:customerId/users',
      'POST /api/partner/mail-templates/copy',
      'POST /api/session/organization',
      'POST /api/terms/:termsId/accept',
      'POST /api/users/:userId/certificates',
      'POST /api/users/:userId/certificates/reissue',
      'POST /api/users/:userId/disable',
      'POST /api/users/:userId/enable',
      'POST /api/users/:userId/mfa/reset',
      'POST /api/users/:userId/temporary-password',
      'POST /api/users/:userId/unlock',
      'POST /api/users/invitations/:memberId/cancel',
      'POST /api/users/invitations/:memberId/resend',
      'PUT /api/operator/organizations/:organizationId/password-policy',
      'PUT /api/operator/tenants/:tenantId/application-fields',
      'PUT /api/operator/tenants/:tenantId/support-page',
      'PUT /api/organizations/:organizationId/mfa-policy',
      'PUT /api/user-groups/:groupId/members',
    ]);

    expect(await countRows(t.db)).toEqual(before);
    expect((await adminB.get('/api/session')).json()).toEqual(sessionBefore);
    expect((await adminB.get('/api/memberships')).json().items.map((m: { code: string }) => m.code)).toEqual([
      tenantB.code,
    ]);
  });

  it('the invitation routes take only a token, which is the credential itself', () => {
    const params = routes()
      .filter((r) => r.url.includes(':'))
      .map((r) => [r.key, [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1])]);
    expect(params).toEqual([
      ['DELETE /api/me/passkeys/:passkeyId', ['passkeyId']],
      ['DELETE /api/me/sessions/:sessionId', ['sessionId']],
      ['DELETE /api/partner/customers/:customerId', ['customerId']],
      ['DELETE /api/partner/customers/:customerId/users/:userId', ['customerId', 'userId']],
      ['DELETE /api/partner/mail-templates/:templateKey/:locale', ['templateKey', 'locale']],
      ['DELETE /api/user-groups/:groupId', ['groupId']],
      ['GET /api/downloads/:token', ['token']],
      ['GET /api/invitations/:token', ['token']],
      ['GET /api/notification-addresses/verify/:token', ['token']],
      ['GET /api/operator/organizations/:organizationId/password-policy', ['organizationId']],
      ['GET /api/operator/tenants/:tenantId', ['tenantId']],
      ['GET /api/operator/tenants/:tenantId/settings', ['tenantId']],
      ['GET /api/organizations/:organizationId/mfa-policy', ['organizationId']],
      ['GET /api/partner/customers/:customerId', ['customerId']],
      ['GET /api/partner/customers/:customerId/users', ['customerId']],
      ['GET /api/partner/customers/:customerId/users/:userId', ['customerId', 'userId']],
      ['GET /api/partner/mail-templates/:templateKey', ['templateKey']],
      ['GET /api/password-resets/:token', ['token']],
      ['GET /api/postal-codes/:postalCode', ['postalCode']],
      ['GET /api/users/:userId', ['userId']],
      ['GET /api/users/:userId/certificates', ['userId']],
      ['PATCH /api/partner/customers/:customerId', ['customerId']],
      ['PATCH /api/partner/customers/:customerId/users/:userId', ['customerId', 'userId']],
      ['PATCH /api/user-groups/:groupId', ['groupId']],
      ['PATCH /api/users/:userId', ['userId']],
      ['POST /api/certificates/:certificateId/revoke', ['certificateId']],
      ['POST /api/downloads/:token/download', ['token']],
      ['POST /api/invitations/:token/accept', ['token']],
      ['POST /api/invitations/:token/verify', ['token']],
      ['POST /api/notification-addresses/verify/:token', ['token']],
      ['POST /api/operator/account-requests/:requestId/complete', ['requestId']],
      ['POST /api/operator/account-requests/:requestId/start', ['requestId']],
      ['POST /api/operator/tenants/:tenantId/invitations', ['tenantId']],
      ['POST /api/partner/customers/:customerId/users', ['customerId']],
      ['POST /api/partner/mail-templates/:templateKey/preview', ['templateKey']],
      ['POST /api/password-resets/:token', ['token']],
      ['POST /api/terms/:termsId/accept', ['termsId']],
      ['POST /api/users/:userId/certificates', ['userId']],
      ['POST /api/users/:userId/certificates/reissue', ['userId']],
      ['POST /api/users/:userId/disable', ['userId']],
      ['POST /api/users/:userId/enable', ['userId']],
      ['POST /api/users/:userId/mfa/reset', ['userId']],
      ['POST /api/users/:userId/temporary-password', ['userId']],
      ['POST /api/users/:userId/unlock', ['userId']],
      ['POST /api/users/invitations/:memberId/cancel', ['memberId']],
      ['POST /api/users/invitations/:memberId/resend', ['memberId']],
      ['PUT /api/operator/organizations/:organizationId/password-policy', ['organizationId']],
      ['PUT /api/operator/tenants/:tenantId/application-fields', ['tenantId']],
      ['PUT /api/operator/tenants/:tenantId/support-page', ['tenantId']],
      ['PUT /api/organizations/:organizationId/mfa-policy', ['organizationId']],
      ['PUT /api/partner/mail-templates/:templateKey/:locale', ['templateKey', 'locale']],
      ['PUT /api/user-groups/:groupId/members', ['groupId']],
    ]);
    for (const key of tokenRoutes) expect(knownRoutes[key]!.access).toBe('public');
  });
});

describe('a person of organisation A invited by organisation B (accounts across organisations)', () => {
  /**
   * Every user-administration route that names a person is called by B's admin (password
   * re-entered, so no step-up stands in the way) on a person of A, before and after the person
   * accepted B's invitation. A's view of the person, and the account itself, never change.
   */
  it('B reaches nothing of the account before acceptance and only its membership after', async () => {
    const person = await makeUser(t.db, 'person-a@example.jp', [
      { organization: { id: tenantA.id, tenant_id: tenantA.id }, role: 'member' },
    ]);
    await t.db
      .updateTable('users')
      .set({ phone: '03-1111-0000', mfa_method: 'totp', failed_login_count: 3 })
      .where('id', '=', person.id)
      .execute();
    const asA = await steppedUp(t.app, 'admin-a@example.jp');
    const asB = await steppedUp(t.app, 'admin-b@example.jp');
    const viewOfA = async () => ({
      detail: (await asA.get(`/api/users/${person.id}`)).json(),
      account: await t.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow(),
      factors: await sql`SELECT
          (SELECT count(*) FROM passkeys WHERE user_id = ${person.id}) AS passkeys,
          (SELECT count(*) FROM certificates WHERE user_id = ${person.id}) AS certificates,
          (SELECT count(*) FROM recovery_codes WHERE user_id = ${person.id}) AS recovery_codes,
          (SELECT count(*) FROM sessions WHERE user_id = ${person.id} AND revoked_at IS NULL) AS sessions`.execute(
        t.db,
      ),
    });
    await signedIn(t.app, 'person-a@example.jp');
    const before = await viewOfA();
    expect(before.detail).toMatchObject({ phone: '03-1111-0000', mfaMethod: 'totp', accountManaged: true });

    const added = await asB.post('/api/users', {
      email: 'person-a@example.jp',
      name: '越境　太郎',
      phone: '03-0000-0000',
      mobile: '090-0000-0000',
      locale: 'en',
      timeZone: 'UTC',
      role: 'admin',
      mfaMethod: 'certificate',
    });
    expect(added.statusCode).toBe(201);
    expect(Object.keys(added.json()).sort()).toEqual(['memberId', 'status']);

    const personRoutes = routes().filter((r) => r.url.startsWith('/api/users/:userId'));
    const bodyFor = (key: string) =>
      key.startsWith('PATCH')
        ? { name: '越境　太郎', phone: '03-0000-0000', mfaMethod: 'certificate' }
        : undefined;
    const walk = async () => {
      const answers: Record<string, number> = {};
      for (const r of personRoutes) {
        const url = r.url.replace(':userId', person.id);
        const res = await asB.request(methodOf(r.key), url, bodyFor(r.key));
        answers[r.key] = res.statusCode;
        if (res.statusCode === 409) expect(res.json().error.code).toBe('shared_account');
        expect({ route: r.key, view: await viewOfA() }).toEqual({ route: r.key, view: before });
      }
      return answers;
    };

    // Before acceptance: the person is not B's to address at all.
    const pending = await walk();
    expect(Object.entries(pending).filter(([, status]) => status !== 404)).toEqual([]);
    expect(personRoutes.length).toBe(10);
    expect((await asB.post(`/api/users/invitations/${added.json().memberId}/resend`)).statusCode).toBe(201);
    expect(await viewOfA()).toEqual(before);

    // The person accepts with their own password.
    const token = invitationTokenIn((await latestMailTo(t.db, 'person-a@example.jp')).body);
    const accepted = await new TestClient(t.app).post(`/api/invitations/${token}/accept`, {
      password: 'Correct-Horse-42!',
    });
    expect(accepted.statusCode).toBe(200);

    // After: a directory entry and B's own membership; every account change is the person's.
    expect(await walk()).toEqual({
      'GET /api/users/:userId': 200,
      'GET /api/users/:userId/certificates': 200,
      'PATCH /api/users/:userId': 409,
      'POST /api/users/:userId/certificates': 409,
      'POST /api/users/:userId/certificates/reissue': 409,
      'POST /api/users/:userId/disable': 204,
      'POST /api/users/:userId/enable': 204,
      'POST /api/users/:userId/mfa/reset': 409,
      'POST /api/users/:userId/temporary-password': 409,
      'POST /api/users/:userId/unlock': 409,
    });
    const directory = (await asB.get(`/api/users/${person.id}`)).json();
    expect(directory).toMatchObject({
      accountManaged: false,
      phone: null,
      mfaMethod: null,
      lastLoginAt: null,
    });
  });
});
