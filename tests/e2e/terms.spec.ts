import { expect, type Page, test } from '@playwright/test';
import { callApi, demo, demoPassword, expectNoAxeViolations, logIn } from './support.js';

/** Publishing asks every user again: the demo users accept through the API so later tests start clean. */
async function acceptCurrentTerms(page: Page, email: string) {
  await page.context().clearCookies();
  await callApi(page, 'POST', '/api/auth/login', { email, password: demoPassword });
  const terms = await callApi<{ id: string; accepted: boolean }>(page, 'GET', '/api/terms/current');
  if (!terms.accepted) await callApi(page, 'POST', `/api/terms/${terms.id}/accept`);
  await callApi(page, 'POST', '/api/auth/logout');
}

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  for (const email of Object.values(demo)) await acceptCurrentTerms(page, email);
  await page.close();
});

test('a newly published version must be accepted before any portal page', async ({ page }) => {
  const title = `利用規約 改定${Date.now().toString(36)}`;

  await logIn(page, demo.operator);
  await expect(page).toHaveURL(/\/operator\/tenants$/);
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '利用規約' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '利用規約' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '新しい版を公開' }).click();
  const dialog = page.getByRole('dialog', { name: '新しい版を公開' });
  await dialog.getByRole('button', { name: '公開' }).click();
  await expect(dialog.getByText('入力してください。').first()).toBeVisible();
  await dialog.getByLabel('タイトル（日本語）').fill(title);
  await dialog.getByLabel('本文（日本語）').fill('第1条　本規約は改定されました。');
  await dialog.getByLabel('タイトル（英語）').fill('Revised terms');
  await dialog.getByLabel('本文（英語）').fill('Article 1. These terms were revised.');
  await dialog.getByRole('button', { name: '公開' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '利用規約の新しい版を公開します。よろしいでしょうか。' })
    .getByRole('button', { name: 'OK' })
    .click();
  await expect(page.getByText('利用規約を公開しました。')).toBeVisible();

  // the list shows the new version; publishing counts as the publisher's acceptance
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: title })).toBeVisible();
  await page.goto('/operator/tenants');
  await expect(page).toHaveURL(/\/operator\/tenants$/);

  // another user meets the new version at the next login, in their language
  await page.context().clearCookies();
  await logIn(page, demo.customer);
  await expect(page).toHaveURL(/\/terms$/);
  await expect(page.getByRole('heading', { level: 1, name: '利用規約' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByTestId('terms-body')).toContainText('本規約は改定されました。');
  await expect(page.getByRole('button', { name: '同意する' })).toBeDisabled();
  await expectNoAxeViolations(page);
  await page.goto('/customer');
  await expect(page).toHaveURL(/\/terms$/);
  await page.getByRole('checkbox', { name: '上記の利用規約に同意する' }).check();
  await page.getByRole('button', { name: '同意する' }).click();
  await expect(page).toHaveURL(/\/customer$/);
  await expect(page.getByRole('heading', { level: 1, name: 'ホーム' })).toBeVisible();
});
