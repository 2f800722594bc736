import { expect, type Page, test } from '@playwright/test';
import { confirmOk, demo, expectNoAxeViolations, logIn, logOut } from './support.js';

const menuLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name });

test('a customer admin requests a certificate reissue with the support ID; the operator completes it', async ({
  page,
}) => {
  await logIn(page, demo.customer);
  await expect(page).toHaveURL(/\/customer$/);

  // 組織設定: the support ID and the organisation's MFA policy
  await menuLink(page, '組織設定').click();
  await expect(page.getByRole('heading', { level: 1, name: '組織設定' })).toBeVisible();
  await expect(page.getByTestId('mfa-policy')).toContainText('二要素認証を必須にする');
  const supportId = ((await page.getByTestId('support-id').textContent()) ?? '').trim();
  expect(supportId).toMatch(/^SUP-[0-9A-Z]{8}$/);
  await expectNoAxeViolations(page);

  await menuLink(page, 'アカウント手続き').click();
  await expect(page.getByRole('heading', { level: 1, name: 'アカウント手続き' })).toBeVisible();
  await page.getByRole('radio', { name: /証明書の再発行/ }).check();
  await page.getByLabel('サポートID').fill('SUP-00000000');
  await page.getByRole('button', { name: '申し込む' }).click();
  await confirmOk(page, 'アカウント手続きを申し込みます。よろしいでしょうか。');
  await expect(page.locator('.ant-form-item-explain-error')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('サポートID').fill(supportId.toLowerCase());
  await page.getByRole('button', { name: '申し込む' }).click();
  await confirmOk(page, 'アカウント手続きを申し込みます。よろしいでしょうか。');
  await expect(page.getByText('アカウント手続きを受け付けました。')).toBeVisible();
  const mine = page.getByTestId('account-requests').locator('.ant-table-tbody tr.ant-table-row');
  await expect(mine.first()).toContainText('証明書の再発行');
  await expect(mine.first()).toContainText('受付');
  await expect(mine.first()).toContainText('5営業日以内');
  await expectNoAxeViolations(page);
  await logOut(page);

  // the operator console's queue: 受付 → 対応中 → 完了
  await logIn(page, demo.operator);
  await menuLink(page, 'アカウント手続き').click();
  const row = page
    .getByTestId('account-requests')
    .locator('.ant-table-tbody tr.ant-table-row')
    .filter({ hasText: '証明書の再発行' })
    .filter({ hasText: demo.customer })
    .first();
  await expect(row).toContainText('受付');
  await expectNoAxeViolations(page);
  await row.getByRole('button', { name: '対応開始' }).click();
  await confirmOk(page, 'この手続きの対応を開始します。よろしいでしょうか。');
  await expect(row).toContainText('対応中');
  await row.getByRole('button', { name: '完了' }).click();
  await confirmOk(page, 'この手続きを完了し、ダウンロード用URLをメールで送信します。');
  await expect(row.getByText('完了', { exact: true })).toBeVisible();
  await logOut(page);

  // the reissued certificate comes as a download link (the password in a separate mail)
  await page.goto(`/mailbox?to=${encodeURIComponent(demo.customer)}`);
  const href = await page
    .locator('article')
    .getByRole('link', { name: /\/downloads\// })
    .first()
    .getAttribute('href');
  await page.goto(new URL(href ?? '').pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'ダウンロード' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('クライアント証明書');
  await expectNoAxeViolations(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'ダウンロード' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.p12$/);
  await expect(page.getByText('ダウンロードしました。このURLは再び使えません。')).toBeVisible();
});

test('the operator sees the MFA policy of a tenant and of its own organisation', async ({ page }) => {
  await logIn(page, demo.operator);
  await page.getByRole('link', { name: 'T8000001' }).click();
  const policy = page.getByTestId('mfa-policy');
  await expect(policy.getByRole('switch', { name: '二要素認証を必須にする' })).toBeVisible();
  await expect(policy.getByRole('checkbox', { name: 'メール（MailOTP）' })).toBeVisible();
  await expectNoAxeViolations(page);
  await menuLink(page, 'パスワードポリシー').click();
  await expect(page.getByTestId('mfa-policy')).toBeVisible();
});
