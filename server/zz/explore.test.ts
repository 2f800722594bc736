import { it } from 'vitest';
import { startTestApp } from '../test/test-app.js';
it('explore', async () => {
  const t = await startTestApp();
  for (const url of ['/api/invitations/' + 'a'.repeat(101), '/api/invitations/%E0%A4%A', '/api/operator/tenants/%zz']) {
  const r = await t.app.inject({ method: 'GET', url });
  console.log(r.statusCode, r.headers, r.body);
  }
  await t.close();
});
