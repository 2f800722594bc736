import { expect, type Page, test } from '@playwright/test';
import { expectSecondStep, freshUser, mailedCode, newUserPassword } from './mfa-support.js';
import { confirmOk, expectNoAxeViolations, logIn, logOut } from './support.js';

/** The admin (a fresh admin of T8000002) opens another user's detail drawer in ユーザー管理. */
async function openUserDrawer(page: Page, email: string) {
  await page.goto('/partner/users');
  await page.getByRole('searchbox', { name: '氏名・メールアドレスで検索' }).fill(email);
  await page.getByRole('button', { name: '検索' }).click();
  const row = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(row).toHaveCount(1);
  await row.first().getByRole('button').first().click();
  const drawer = page.getByRole('dialog', { name: 'ユーザー詳細' });
  await expect(drawer.getByTestId('user-detail')).toContainText(email);
  return drawer;
}

test('an admin requires MailOTP of a user and issues a client certificate; the user logs in with the mailed code', async ({
  page,
}) => {
  const user = await freshUser(page, 'mailotp');
  await logOut(page);
  await freshUser(page, 'mailadmin');

  const drawer = await openUserDrawer(page, user);
  await drawer.getByRole('combobox', { name: '第2段階認証方式' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'メール（MailOTP）' }).click();
  await drawer.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'ユーザー情報を保存します。よろしいでしょうか。');
  await expect(page.getByText('ユーザー情報を保存しました。')).toBeVisible();

  // ID-15: the certificate's PKCS#12 password is shown once, the file offered for download
  const card = drawer.getByTestId('user-certificates');
  await expect(card).toContainText('発行された証明書はありません。');
  await card.getByRole('button', { name: '証明書を発行' }).click();
  await confirmOk(page, 'クライアント証明書を発行します。よろしいでしょうか。');

  const issued = page.getByRole('dialog', { name: '発行した証明書' });
  const password = ((await issued.getByTestId('p12-password').textContent()) ?? '').trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await expectNoAxeViolations(page);
  const download = page.waitForEvent('download');
  await issued.getByRole('button', { name: '証明書ファイル（.p12）をダウンロード' }).click();
  expect((await download).suggestedFilename()).toBe(`${user}.p12`);
  await issued.getByRole('button', { name: '閉じる' }).click();

  const rows = card.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('有効');
  await expectNoAxeViolations(page);

  // reissuing revokes the earlier certificate at once
  await card.getByRole('button', { name: '証明書を再発行' }).click();
  await confirmOk(page, 'これまでの証明書はすべて直ちに失効します。');
  await page.getByRole('dialog', { name: '発行した証明書' }).getByRole('button', { name: '閉じる' }).click();
  await expect(rows).toHaveCount(2);
  await expect(card.getByText('有効', { exact: true })).toHaveCount(1);
  await expect(card.getByRole('button', { name: '失効' })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await logOut(page);

  await logIn(page, user, newUserPassword);
  await expectSecondStep(page);
  await expect(page.getByText(/宛にメールで送信した6桁の認証コード/)).toBeVisible();
  // the code went out with the password step: the next one only after the wait
  await expect(page.getByTestId('resend-code')).toBeDisabled();
  await expect(page.getByTestId('resend-code')).toContainText('認証コードを再送信（');
  await expectNoAxeViolations(page);

  const code = await mailedCode(page.context(), user);
  await page.getByLabel('認証コード').fill(code === '000000' ? '000001' : '000000');
  await page.getByRole('button', { name: '認証する' }).click();
  await expect(page.getByRole('alert')).toHaveText('認証コードが正しくありません。');
  await expect(page.getByLabel('認証コード')).toHaveValue('');
  await page.getByLabel('認証コード').fill(code);
  await page.getByRole('button', { name: '認証する' }).click();
  await expect(page).toHaveURL(/\/partner$/);
});
