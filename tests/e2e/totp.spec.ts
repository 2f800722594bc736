import { expect, test } from '@playwright/test';
import {
  expectSecondStep,
  finishAppPairing,
  freshUser,
  newUserPassword,
  openTwoFactorCard,
  startAppPairing,
  totpCode,
} from './mfa-support.js';
import { expectNoAxeViolations, logIn, logOut } from './support.js';

test('a user pairs an authenticator app from the QR code and logs in with its codes', async ({ page }) => {
  const email = await freshUser(page, 'totp');

  const card = await openTwoFactorCard(page);
  await expectNoAxeViolations(page);
  const { dialog, uri } = await startAppPairing(page, card);
  // the QR image holds the otpauth:// URI; the secret is shown as text too
  expect(uri).toMatch(/^otpauth:\/\/totp\/Madoguchi:/);
  expect(uri).toContain(`secret=${(await dialog.getByTestId('totp-secret').textContent())?.trim()}`);
  await expectNoAxeViolations(page);

  // a wrong code does not pair
  await dialog.getByLabel('認証コード').fill(totpCode(uri) === '000000' ? '111111' : '000000');
  await dialog.getByRole('button', { name: '設定を完了' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();

  // ten recovery codes, shown once
  const codes = await finishAppPairing(page, dialog, uri, () => expectNoAxeViolations(page));
  for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}$/);
  await expect(card).toContainText('設定済み');
  await expect(card).toContainText('残り 10 個');

  // the app is the method asked for at login
  const preferred = card.getByRole('combobox', { name: '優先する認証方式' });
  await preferred.click();
  await page.locator('.ant-select-item-option').filter({ hasText: '認証アプリ（TOTP）' }).click();
  const save = card.getByRole('button', { name: '優先に設定' });
  if (await save.isEnabled()) {
    await save.click();
    await page
      .getByRole('dialog')
      .filter({ hasText: '優先する認証方式を保存します。' })
      .getByRole('button', { name: 'OK' })
      .click();
    await expect(page.getByText('優先する認証方式を保存しました。')).toBeVisible();
  }

  await logOut(page);
  await logIn(page, email, newUserPassword);
  await expectSecondStep(page);
  await expect(page.getByText('認証アプリに表示されている6桁の認証コードを入力してください。')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('認証コード').fill('12345');
  await page.getByRole('button', { name: '認証する' }).click();
  await expect(page.getByText('6桁の数字で入力してください。')).toBeVisible();
  // the pairing used the current step: the app's next code
  await page.getByLabel('認証コード').fill(totpCode(uri, 1));
  await page.getByRole('button', { name: '認証する' }).click();
  await expect(page).toHaveURL(/\/partner$/);

  // a recovery code works once instead of the app
  await logOut(page);
  await logIn(page, email, newUserPassword);
  await expectSecondStep(page);
  await page.getByRole('button', { name: 'リカバリーコードを使う' }).click();
  await page.getByLabel('リカバリーコード').fill(codes[0]!.toUpperCase());
  await page.getByRole('button', { name: '認証する' }).click();
  await expect(page).toHaveURL(/\/partner$/);
  await expect(await openTwoFactorCard(page)).toContainText('残り 9 個');
});
