import { expect, test } from '@playwright/test';
import { expectSecondStep, finishAppPairing, startAppPairing, totpCode } from './mfa-support.js';
import {
  acceptTermsIfAsked,
  callApi,
  demo,
  expectNoAxeViolations,
  linkInMail,
  logIn,
  logOut,
  uniqueEmail,
} from './support.js';

test('a tenant that requires 2FA without MailOTP has its new admin pair an app before the portal', async ({
  page,
}) => {
  const email = uniqueEmail('enrol');
  const password = 'Enrolment-Passw0rd!';

  // the operator: a new tenant and its admin's invitation (the pages themselves are covered elsewhere)
  await logIn(page, demo.operator);
  await expect(page).toHaveURL(/\/operator\/tenants/);
  const tenant = await callApi<{ id: string }>(page, 'POST', '/api/operator/tenants', {
    name: `二要素必須${Date.now().toString(36)}`,
  });
  await callApi(page, 'POST', `/api/operator/tenants/${tenant.id}/invitations`, { email });

  // ID-5 on the tenant page: 2FA required, MailOTP not allowed
  await page.goto(`/operator/tenants/${tenant.id}`);
  const policy = page.getByTestId('mfa-policy');
  await policy.getByRole('switch', { name: '二要素認証を必須にする' }).click();
  await policy.getByRole('checkbox', { name: 'メール（MailOTP）' }).uncheck();
  await policy.getByRole('button', { name: '保存' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '二要素認証ポリシーを保存します。よろしいでしょうか。' })
    .getByRole('button', { name: 'OK' })
    .click();
  await expect(page.getByText('二要素認証ポリシーを保存しました。')).toBeVisible();
  await expectNoAxeViolations(page);
  await logOut(page);

  const link = await linkInMail(page, email, /\/invitations\//);
  await callApi(page, 'POST', `/api/invitations/${link.split('/').pop()}/accept`, {
    name: '必須　次郎',
    password,
    passwordConfirm: password,
  });

  // no factor yet and no mail code allowed: only the enrolment page opens
  await logIn(page, email, password);
  await expect(page).toHaveURL(/\/mfa\/setup$/);
  await expect(page.getByText('所属組織のポリシーにより二要素認証が必須です。')).toBeVisible();
  const card = page.getByTestId('two-factor');
  await expect(card).not.toContainText('メール（MailOTP）');
  await expectNoAxeViolations(page);
  await page.goto('/partner');
  await expect(page).toHaveURL(/\/mfa\/setup$/);

  const { dialog, uri } = await startAppPairing(page, card, password);
  await finishAppPairing(page, dialog, uri);
  // the restriction ends: the next pending step (the terms), then the portal
  await expect(page).toHaveURL(/\/terms$/);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(/\/partner$/);
  // the new tenant has no verified notification address yet (PP-6)
  const addressDialog = page.getByRole('dialog', { name: '通知先メールアドレスを設定してください' });
  await addressDialog.getByRole('button', { name: '閉じる' }).last().click();
  await expect(addressDialog).toBeHidden();

  // from now on the app's code is asked for at login
  await logOut(page);
  await logIn(page, email, password);
  await expectSecondStep(page);
  await page.getByLabel('認証コード').fill(totpCode(uri, 1));
  await page.getByRole('button', { name: '認証する' }).click();
  await expect(page).toHaveURL(/\/partner$/);
});
