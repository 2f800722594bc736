import { expect, test } from '@playwright/test';
import {
  acceptTermsIfAsked,
  createTenantUser,
  expectNoAxeViolations,
  logIn,
  logOut,
  uniqueEmail,
} from './support.js';

test('a user edits the profile, sees the sessions and changes the password', async ({ page, browser }) => {
  const email = uniqueEmail('account');
  const password = 'Account-Passw0rd!';
  const newPassword = 'Changed-Passw0rd#9';
  await createTenantUser(page, email, password);

  // a second session elsewhere
  const other = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const elsewhere = await other.newPage();
  await logIn(elsewhere, email, password);
  await acceptTermsIfAsked(elsewhere);

  await logIn(page, email, password);
  await acceptTermsIfAsked(page);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'アカウント設定' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'アカウント設定' })).toBeVisible();
  await expect(page.getByTestId('profile-email')).toHaveText(email);

  const sessions = page.getByTestId('sessions').locator('.ant-table-tbody tr.ant-table-row');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: 'この端末' })).toHaveCount(1);
  await expectNoAxeViolations(page);

  // the profile: a bad phone is refused in the browser, a good one saved
  await page.getByLabel('電話番号', { exact: true }).fill('abc');
  await page.getByLabel('携帯電話番号').focus();
  await expect(page.getByText('半角数字とハイフンで入力してください（数字10〜15桁）。')).toBeVisible();
  await page.getByLabel('電話番号', { exact: true }).fill('03-7777-0303');
  await page.getByLabel('氏名').fill('設定　変更');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('プロフィールを保存しました。')).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText('設定　変更');

  // the other session is ended from here
  await sessions.filter({ hasNotText: 'この端末' }).getByRole('button', { name: 'ログアウト' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: 'このセッションをログアウトします。よろしいでしょうか。' })
    .getByRole('button', { name: 'OK' })
    .click();
  await expect(page.getByText('セッションをログアウトしました。')).toBeVisible();
  await expect(sessions).toHaveCount(1);
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/login/);
  await other.close();

  // password change: the current one must be right, the rules are checked while typing
  await page.getByRole('link', { name: 'パスワードを変更する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'パスワード変更' })).toBeVisible();
  await page.getByLabel('現在のパスワード').fill('Not-My-Passw0rd!');
  await page.getByLabel('新しいパスワード', { exact: true }).fill(newPassword);
  await page.getByLabel('新しいパスワード（確認）').fill(newPassword);
  await page.getByRole('button', { name: '変更', exact: true }).click();
  await expect(page.getByText('現在のパスワードが正しくありません。')).toBeVisible();
  await page.getByLabel('現在のパスワード').fill(password);
  await page.getByRole('button', { name: '変更', exact: true }).click();
  await expect(page.getByText('パスワード変更に成功しました。')).toBeVisible();
  await logOut(page);
  await logIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/partner$/);
});
