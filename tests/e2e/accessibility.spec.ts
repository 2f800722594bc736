import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { demo, logIn } from './support.js';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function scan(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

test('the login page has no WCAG 2.1 AA violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  expect(await scan(page)).toEqual([]);
});

test('the login page with errors has no WCAG 2.1 AA violations', async ({ page }) => {
  await logIn(page, demo.partner, 'Wrong-Passw0rd!');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('メールアドレス').fill('x');
  await page.getByLabel('パスワード').focus();
  await expect(page.getByText('メールアドレスの形式が正しくありません。')).toBeVisible();
  expect(await scan(page)).toEqual([]);
});

test('the tenant selection and the partner shell have no WCAG 2.1 AA violations', async ({ page }) => {
  await logIn(page, demo.partner);
  await expect(page).toHaveURL(/\/select$/);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(2);
  expect(await scan(page)).toEqual([]);

  await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'T8000001' }).click();
  await expect(page).toHaveURL(/\/partner$/);
  await expect(page.getByRole('heading', { level: 1, name: 'ダッシュボード' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('T8000001');
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible();
  expect(await scan(page)).toEqual([]);
});

test('the operator tenant list and detail have no WCAG 2.1 AA violations', async ({ page }) => {
  await logIn(page, demo.operator);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  expect(await scan(page)).toEqual([]);

  await page.getByRole('link', { name: 'T8000001' }).click();
  await expect(page.getByTestId('tenant-info')).toContainText('T8000001');
  expect(await scan(page)).toEqual([]);

  await page.getByRole('button', { name: '招待メールを送信' }).click();
  await expect(page.getByText('入力してください。')).toBeVisible();
  expect(await scan(page)).toEqual([]);
});

test('the customer portal, the sign-up error page and the English login have no violations', async ({
  page,
}) => {
  await logIn(page, demo.customer);
  await expect(page.getByRole('heading', { level: 1, name: 'ホーム' })).toBeVisible();
  expect(await scan(page)).toEqual([]);

  await page.goto('/invitations/unknown-token');
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await scan(page)).toEqual([]);

  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  expect(await scan(page)).toEqual([]);
});
