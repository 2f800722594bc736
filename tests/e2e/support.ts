import AxeBuilder from '@axe-core/playwright';
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

/**
 * Opens the user menu in the header and chooses ログアウト. The menu is opened again when the page
 * re-renders under it (a success toast or a session refresh right after a save).
 */
export async function logOut(page: Page): Promise<void> {
  await expect(async () => {
    if (!(await page.getByRole('menuitem', { name: 'ログアウト' }).isVisible())) {
      await page.getByTestId('user-menu').click();
    }
    await page.getByRole('menuitem', { name: 'ログアウト' }).click({ timeout: 3000 });
    await expect(page).toHaveURL(/\/login$/, { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
}

/** A unique, valid e-mail address for this test run. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Opens the built-in mailbox for one recipient and returns the newest message (optionally by subject). */
export async function openMail(page: Page, to: string, subject?: RegExp) {
  await page.goto(`/mailbox?to=${encodeURIComponent(to)}`);
  let mail = page.locator('article');
  if (subject) mail = mail.filter({ has: page.getByRole('heading', { name: subject }) });
  await expect(mail.first()).toBeVisible();
  return mail.first();
}

/** The address of the first link to `path` in the newest mail to `to`. */
export async function linkInMail(page: Page, to: string, path: RegExp, subject?: RegExp): Promise<string> {
  const mail = await openMail(page, to, subject);
  const href = await mail.getByRole('link', { name: path }).first().getAttribute('href');
  expect(href).toBeTruthy();
  return new URL(href!).pathname;
}

/** Calls the API with the page's cookies and the CSRF header, the way the web app does. */
export async function callApi<T = unknown>(
  page: Page,
  method: string,
  path: string,
  data?: unknown,
): Promise<T> {
  let csrf = (await page.context().cookies()).find((c) => c.name === 'mg_csrf')?.value;
  if (!csrf) {
    await page.request.get('/api/session');
    csrf = (await page.context().cookies()).find((c) => c.name === 'mg_csrf')?.value;
  }
  const response = await page.request.fetch(path, {
    method,
    data,
    headers: { 'x-csrf-token': decodeURIComponent(csrf ?? '') },
  });
  expect(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/**
 * A fresh user of T8000002, signed up through the API (the sign-up page itself is covered by
 * the onboarding test): the operator invites, the link from the mailbox is accepted.
 */
export async function createTenantUser(page: Page, email: string, password: string): Promise<void> {
  await callApi(page, 'POST', '/api/auth/login', { email: demo.operator, password: demoPassword });
  const tenants = await callApi<{ items: { id: string }[] }>(page, 'GET', '/api/operator/tenants?q=T8000002');
  await callApi(page, 'POST', `/api/operator/tenants/${tenants.items[0]!.id}/invitations`, { email });
  await callApi(page, 'POST', '/api/auth/logout');
  const link = await linkInMail(page, email, /\/invitations\//);
  await callApi(page, 'POST', `/api/invitations/${link.split('/').pop()}/accept`, {
    name: '試験　花子',
    password,
    passwordConfirm: password,
  });
}

/** After login: a user who has not accepted the current terms accepts them. */
export async function acceptTermsIfAsked(page: Page): Promise<void> {
  await expect(page).not.toHaveURL(/\/login/);
  await page.waitForLoadState('networkidle');
  if (new URL(page.url()).pathname !== '/terms') return;
  await page.getByRole('checkbox', { name: '上記の利用規約に同意する' }).check();
  await page.getByRole('button', { name: '同意する' }).click();
  await expect(page).not.toHaveURL(/\/terms/);
}

/** WCAG 2.1 AA scan of the page as it is now; violations are listed with their elements. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
}

/** Answers OK in the confirmation dialog that says `text` (「…します。よろしいでしょうか。」). */
export const confirmOk = (page: Page, text: string) =>
  page.getByRole('dialog').filter({ hasText: text }).getByRole('button', { name: 'OK' }).click();

/** partner@ (admin of T8000001) signed in, in T8000001, on the side-menu page `menuItem`. */
export async function openPartnerPage(page: Page, menuItem: string): Promise<void> {
  await logIn(page, demo.partner);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(/\/select$/);
  await page.getByRole('button', { name: 'T8000001' }).click();
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: menuItem })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: menuItem })).toBeVisible();
}
