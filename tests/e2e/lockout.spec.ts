import { expect, test } from '@playwright/test';
import { acceptTermsIfAsked, createTenantUser, logIn, openMail, uniqueEmail } from './support.js';

const generic = 'メールアドレスまたはパスワードが正しくありません。';

test('10 wrong passwords lock the account, even the right one is refused, and the lockout mail is sent once', async ({
  page,
}) => {
  const email = uniqueEmail('lockout');
  const password = 'Lockout-Passw0rd!';
  await createTenantUser(page, email, password);

  for (let attempt = 1; attempt <= 10; attempt++) {
    await logIn(page, email, `Wrong-Passw0rd-${attempt}!`);
    await expect(page.getByRole('alert')).toHaveText(generic);
  }

  // locked: the right password gets the same answer as a wrong one
  await logIn(page, email, password);
  await expect(page.getByRole('alert')).toHaveText(generic);
  await expect(page).toHaveURL(/\/login$/);

  const mail = await openMail(page, email, /アカウントロックアウト通知/);
  await expect(mail).toContainText('ロックアウトしました');
  await expect(mail).toContainText('最大 1 時間');
  await expect(page.locator('article').filter({ hasText: 'アカウントロックアウト通知' })).toHaveCount(1);
});

test('a user who is not locked logs in after fewer than 10 mistakes', async ({ page }) => {
  const email = uniqueEmail('almost');
  const password = 'Almost-Passw0rd!';
  await createTenantUser(page, email, password);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await logIn(page, email, `Wrong-Passw0rd-${attempt}!`);
    await expect(page.getByRole('alert')).toHaveText(generic);
  }
  await logIn(page, email, password);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(/\/partner$/);
});
