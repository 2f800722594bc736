import { expect, test } from '@playwright/test';
import {
  acceptTermsIfAsked,
  createTenantUser,
  expectNoAxeViolations,
  linkInMail,
  logIn,
  uniqueEmail,
} from './support.js';

const sent = '入力されたメールアドレス宛にパスワード再設定のご案内を送信しました。';

test('a forgotten password is reset from the login page through the mailed link', async ({ page }) => {
  const email = uniqueEmail('forgot');
  const oldPassword = 'Forgot-Passw0rd!';
  const newPassword = 'Renewed-Passw0rd#2';
  await createTenantUser(page, email, oldPassword);

  await page.goto('/login');
  await page.getByRole('link', { name: 'パスワードをお忘れの方' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'パスワード再設定' })).toBeVisible();
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '送信' }).click();
  await expect(page.getByText(sent)).toBeVisible();

  const link = await linkInMail(page, email, /\/password-reset\//, /パスワード再設定のご案内/);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'パスワード再設定' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  // the checklist follows the typing
  const rules = page.getByTestId('password-rules');
  await page.getByLabel('新しいパスワード', { exact: true }).fill('short');
  await expect(rules.locator('li[data-state="failed"]').first()).toBeVisible();
  await expect(rules.locator('li').filter({ hasText: '12文字以上' })).toHaveAttribute('data-state', 'failed');
  await page.getByLabel('新しいパスワード', { exact: true }).fill(newPassword);
  await expect(rules.locator('li').filter({ hasText: '12文字以上' })).toHaveAttribute('data-state', 'ok');
  await expect(rules.locator('li').filter({ hasText: '記号を含む' })).toHaveAttribute('data-state', 'ok');
  await page.getByLabel('新しいパスワード（確認）').fill(`${newPassword}x`);
  await page.getByRole('button', { name: 'パスワードを再設定' }).click();
  await expect(page.getByText('パスワードが一致しません。')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('新しいパスワード（確認）').fill(newPassword);
  await page.getByRole('button', { name: 'パスワードを再設定' }).click();
  await expect(page.getByText('パスワードを再設定しました。')).toBeVisible();

  // the link works once
  await page.goto(link);
  await expect(page.getByRole('alert')).toHaveText('このURLは既に使用されています。');

  // the old password is gone, the new one works
  await logIn(page, email, oldPassword);
  await expect(page.getByRole('alert')).toBeVisible();
  await logIn(page, email, newPassword);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(/\/partner$/);
});

test('an unknown address gets the same answer and no mail', async ({ page }) => {
  const email = uniqueEmail('nobody');
  await page.goto('/password-reset');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '送信' }).click();
  await expect(page.getByText(sent)).toBeVisible();
  await page.goto(`/mailbox?to=${encodeURIComponent(email)}`);
  await expect(page.locator('article')).toHaveCount(0);
});
