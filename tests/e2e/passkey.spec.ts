import { expect, test } from '@playwright/test';
import {
  expectSecondStep,
  freshUser,
  newUserPassword,
  openTwoFactorCard,
  reauthIfAsked,
} from './mfa-support.js';
import { expectNoAxeViolations, logIn, logOut } from './support.js';

test('a user registers a passkey on a virtual authenticator and logs in with it', async ({ page }) => {
  // Chromium's virtual authenticator stands in for Windows Hello / Touch ID
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });

  const email = await freshUser(page, 'passkey');
  const card = await openTwoFactorCard(page);
  await card.getByRole('button', { name: 'パスキーを登録' }).click();
  const dialog = page.getByRole('dialog', { name: 'パスキーの登録' });
  await dialog.getByLabel('パスキーの名前').fill('試験用PC');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'パスキーを登録' }).click();
  await reauthIfAsked(page);
  await expect(page.getByText('パスキーを登録しました。')).toBeVisible();
  await expect(card.getByTestId('passkeys')).toContainText('試験用PC');

  const preferred = card.getByRole('combobox', { name: '優先する認証方式' });
  await preferred.click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'パスキー' }).click();
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
  await expectNoAxeViolations(page);

  await logOut(page);
  await logIn(page, email, newUserPassword);
  await expectSecondStep(page);
  await expect(
    page.getByText('このデバイスまたはセキュリティキーに登録したパスキーで認証します。'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'パスキーで認証' }).click();
  await expect(page).toHaveURL(/\/partner$/);
});
