import { expect, test } from '@playwright/test';
import { demo, logIn } from './support.js';

test('a wrong password shows the generic message and no hint about the account', async ({ page }) => {
  await logIn(page, demo.partner, 'Wrong-Passw0rd!');
  await expect(page.getByRole('alert')).toHaveText('メールアドレスまたはパスワードが正しくありません。');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel('パスワード')).toHaveValue('');

  await logIn(page, 'nobody@madoguchi.example', 'Wrong-Passw0rd!');
  await expect(page.getByRole('alert')).toHaveText('メールアドレスまたはパスワードが正しくありません。');
});

test('the form checks the fields in the browser before asking the server', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.locator('.ant-form-item-explain-error')).toHaveText([
    '入力してください。',
    '入力してください。',
  ]);
  await page.getByLabel('メールアドレス').fill('not-an-address');
  await page.getByLabel('パスワード').focus();
  await expect(page.getByText('メールアドレスの形式が正しくありません。')).toBeVisible();
});

test('a user of two tenants chooses one from a sortable list', async ({ page }) => {
  await logIn(page, demo.partner);
  await expect(page).toHaveURL(/\/select$/);
  await expect(page.getByRole('heading', { level: 1, name: 'テナント選択' })).toBeVisible();

  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('T8000001');
  await expect(rows.nth(0)).toContainText('デモ販売店株式会社');
  await expect(rows.nth(1)).toContainText('T8000002');
  await expect(rows.nth(1)).toContainText('サンプル商事株式会社');

  // テナントID column (the manual's headers for a partner-only user): ascending → descending
  await page.getByRole('columnheader', { name: 'テナントID' }).click();
  await expect(rows.nth(0)).toContainText('T8000002');
  await page.getByRole('columnheader', { name: 'テナントID' }).click();
  await expect(rows.nth(0)).toContainText('T8000001');

  // name column, sorted by the server
  await page.getByRole('columnheader', { name: 'テナント名' }).click();
  await expect(rows.nth(0)).toContainText('サンプル商事株式会社');
  await page.getByRole('columnheader', { name: 'テナント名' }).click();
  await expect(rows.nth(0)).toContainText('デモ販売店株式会社');

  await rows.filter({ hasText: 'T8000002' }).click();
  await expect(page).toHaveURL(/\/partner$/);
  await expect(page.getByTestId('current-organization')).toHaveText(/T8000002\s*サンプル商事株式会社/);

  // the user menu offers switching back to the list
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'テナント切替' }).click();
  await expect(page).toHaveURL(/\/select$/);
  await page.getByRole('button', { name: 'T8000001' }).click();
  await expect(page.getByTestId('current-organization')).toHaveText(/T8000001\s*デモ販売店株式会社/);
});

test('a customer user lands straight in the customer portal', async ({ page }) => {
  await logIn(page, demo.customer);
  await expect(page).toHaveURL(/\/customer$/);
  await expect(page.getByTestId('current-organization')).toContainText(/A\d{8}/);
  await expect(page.getByTestId('current-organization')).toContainText('デモ顧客株式会社');
  await expect(page.getByRole('heading', { level: 1, name: 'ホーム' })).toBeVisible();

  // other portals send the user back to their own
  await page.goto('/operator/tenants');
  await expect(page).toHaveURL(/\/customer$/);
});

test('logged-out visitors are sent to the login page and back afterwards', async ({ page }) => {
  await page.goto('/operator/tenants?q=デモ');
  await expect(page).toHaveURL(/\/login\?returnTo=/);
  await page.getByLabel('メールアドレス').fill(demo.operator);
  await page.getByLabel('パスワード').fill('Demo-Passw0rd!');
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page).toHaveURL(/\/operator\/tenants\?q=/);
  await expect(page.getByRole('searchbox', { name: 'テナントID・テナント名で検索' })).toHaveValue('デモ');
});

test('unknown addresses show a not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeVisible();
});

test('the language can be switched to English and back', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();
});

test('a logged-in user’s language is remembered on the server', async ({ page, browser }) => {
  await logIn(page, demo.customer);
  await expect(page.getByRole('heading', { level: 1, name: 'ホーム' })).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();

  // another browser, Japanese before login, follows the user's saved language after login
  const other = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const second = await other.newPage();
  await logIn(second, demo.customer);
  await expect(second.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(second.locator('html')).toHaveAttribute('lang', 'en');
  await second.getByTestId('language-switch').click();
  await expect(second.getByRole('heading', { level: 1, name: 'ホーム' })).toBeVisible();
  await other.close();
});
