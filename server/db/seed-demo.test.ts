import { expect, it } from 'vitest';
import { pendingActionsOf } from '../platform/auth/pending-actions.js';
import { systemClock } from '../platform/clock.js';
import { startTestApp } from '../test/test-app.js';
import { seedDemo } from './seed-demo.js';

it('the demo seed publishes terms v1, already accepted by the demo users, once', async () => {
  const t = await startTestApp();
  try {
    await seedDemo(t.db, systemClock, 'Demo-Password-123!');
    await seedDemo(t.db, systemClock, 'Demo-Password-123!');
    const users = await t.db.selectFrom('users').select('id').execute();
    expect(users).toHaveLength(3);
    for (const u of users) expect(await pendingActionsOf(t.db, u.id)).toEqual([]);
    expect(await t.db.selectFrom('terms_versions').select(['version', 'title_ja']).execute()).toEqual([
      { version: 1, title_ja: 'Madoguchi サービスポータル利用規約' },
    ]);
  } finally {
    await t.close();
  }
});
