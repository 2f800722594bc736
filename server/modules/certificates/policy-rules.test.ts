import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeOperator, makeTenant, makeUser } from '../../test/factories.js';
import { countRows, signedIn } from '../../test/helpers.js';
import type { TestClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const policy = (requireCertificateForAdmins: boolean) => ({
  requireMfa: false,
  allowedMethods: ['totp', 'mail', 'certificate'],
  requireCertificateForAdmins,
});

let t: TestApp;
let customer: { id: string };
let trialCustomer: { id: string };
let tenant: { id: string };
let operator: TestClient;
let customerAdmin: TestClient;
let trialAdmin: TestClient;
let partnerAdmin: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  const op = await makeOperator(t.db);
  tenant = await makeTenant(t.db);
  customer = await makeCustomer(t.db, tenant.id, '本契約顧客');
  trialCustomer = await makeCustomer(t.db, tenant.id, '試用顧客');
  await t.db.updateTable('organizations').set({ trial: true }).where('id', '=', trialCustomer.id).execute();
  await makeUser(t.db, 'op@policy.example.jp', [{ organization: op, role: 'operator_admin' }]);
  await makeUser(t.db, 'admin@policy.example.jp', [{ organization: customer, role: 'admin' }]);
  await makeUser(t.db, 'trial@policy.example.jp', [{ organization: trialCustomer, role: 'admin' }]);
  await makeUser(t.db, 'partner@policy.example.jp', [
    { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'admin' },
  ]);
  operator = await signedIn(t.app, 'op@policy.example.jp');
  customerAdmin = await signedIn(t.app, 'admin@policy.example.jp');
  trialAdmin = await signedIn(t.app, 'trial@policy.example.jp');
  partnerAdmin = await signedIn(t.app, 'partner@policy.example.jp');
});
afterAll(() => t?.close());

const put = (client: TestClient, orgId: string, on: boolean) =>
  client.put(`/api/organizations/${orgId}/mfa-policy`, policy(on));

describe('certificates for the admins of an organisation (ID-5, 004 §3-2)', () => {
  it('only the customer organisation’s own admin switches it on; the operator gets 403 and nothing changes', async () => {
    const before = await countRows(t.db);
    const res = await put(operator, customer.id, true);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect(await countRows(t.db)).toEqual(before);
    const own = await put(customerAdmin, customer.id, true);
    expect(own.statusCode).toBe(200);
    expect(own.json().requireCertificateForAdmins).toBe(true);
  });

  it('once on, the operator may save the rest of the policy, and switch it off', async () => {
    expect((await put(operator, customer.id, true)).statusCode).toBe(200);
    expect((await put(operator, customer.id, false)).statusCode).toBe(200);
  });

  it('is refused during the trial (409), even to the organisation’s own admin', async () => {
    const before = await countRows(t.db);
    const res = await put(trialAdmin, trialCustomer.id, true);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('trial_organization');
    expect(await countRows(t.db)).toEqual(before);
    expect((await put(trialAdmin, trialCustomer.id, false)).statusCode).toBe(200);
  });

  it('a partner organisation’s admin switches it on for their own organisation', async () => {
    expect((await put(partnerAdmin, tenant.id, true)).statusCode).toBe(200);
  });
});
