import { expect, test } from '@playwright/test';
import { demo, logIn } from './support.js';

test.beforeEach(async ({ page }) => {
  await logIn(page, demo.operator);
  await expect(page).toHaveURL(/\/operator\/tenants$/);
});

test('the tenant list is sorted, searched and paged by the server, with its state in the address', async ({
  page,
}) => {
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByText(/全\d+件/)).toBeVisible();

  await page.getByRole('columnheader', { name: 'テナントID' }).click();
  await expect(page).toHaveURL(/sort=code&order=asc/);
  await expect(rows.first().locator('td').first()).toHaveText('T8000001');
  await page.getByRole('columnheader', { name: 'テナントID' }).click();
  await expect(page).toHaveURL(/sort=code/);
  await expect(page).not.toHaveURL(/order=asc/);
  await expect(rows.first().locator('td').first()).not.toHaveText('T8000001');

  await page.getByRole('searchbox', { name: 'テナントID・テナント名で検索' }).fill('サンプル');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('T8000002');
  await expect(page).toHaveURL(/q=/);

  // the address alone restores the list
  await page.goto('/operator/tenants?sort=name&order=asc&q=T800000');
  await expect(page.getByRole('searchbox', { name: 'テナントID・テナント名で検索' })).toHaveValue('T800000');
  await expect(page.getByRole('columnheader', { name: 'テナント名' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await page.goBack();
  await expect(rows).toHaveCount(1);
});

test('the create dialog checks the tenant name with the shared rules', async ({ page }) => {
  await page.getByRole('button', { name: '新規作成' }).click();
  const dialog = page.getByRole('dialog', { name: 'テナントの新規作成' });
  await dialog.getByRole('button', { name: '作成' }).click();
  await expect(dialog.getByText('入力してください。')).toBeVisible();
  await dialog.getByLabel('テナント名').fill('あ'.repeat(41));
  await expect(dialog.getByText('入力できる文字数を超えています。')).toBeVisible();
  await dialog.getByRole('button', { name: '作成' }).click();
  await expect(page.getByText('テナントを作成します。よろしいでしょうか。')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await expect(dialog).toBeHidden();
});

test('cancelling the confirmation creates nothing', async ({ page }) => {
  const name = `取消テスト${Date.now().toString(36)}`;
  await page.getByRole('button', { name: '新規作成' }).click();
  const dialog = page.getByRole('dialog', { name: 'テナントの新規作成' });
  await dialog.getByLabel('テナント名').fill(name);
  await dialog.getByRole('button', { name: '作成' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: 'テナントを作成します。よろしいでしょうか。' })
    .getByRole('button', { name: 'キャンセル' })
    .click();
  await expect(dialog.getByLabel('テナント名')).toHaveValue(name);
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await page.getByRole('searchbox', { name: 'テナントID・テナント名で検索' }).fill(name);
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page.getByText('テナントがありません。')).toBeVisible();
});
