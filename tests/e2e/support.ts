import { expect, type Page } from '@playwright/test';

export const demoPassword = 'Demo-Passw0rd!';
export const demo = {
  operator: 'operator@madoguchi.example',
  partner: 'partner@madoguchi.example',
  customer: 'customer@madoguchi.example',
} as const;

/** Fills the login form the way a person does: labels, then the ログイン button. */
export async function logIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
}

/** Opens the user menu in the header and chooses ログアウト. */
export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'ログアウト' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** A unique, valid e-mail address for this test run. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}
