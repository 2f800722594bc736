import { expect, test } from '@playwright/test';
import { acceptTermsIfAsked, confirmOk, demo, expectNoAxeViolations, logIn } from './support.js';

test.beforeEach(async ({ page }) => {
  await logIn(page, demo.operator);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(/\/operator\/tenants$/);
});

test('the operator manages user groups and their members', async ({ page }) => {
  const name = `グループ${Date.now().toString(36)}`;
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: 'ユーザー管理' })
    .click();
  await page.getByRole('tab', { name: 'ユーザーグループ' }).click();
  await expect(page).toHaveURL(/tab=groups/);

  await page.getByRole('button', { name: 'グループ作成' }).click();
  const create = page.getByRole('dialog', { name: 'ユーザーグループの作成' });
  await create.getByLabel('グループ名').fill(name);
  await create.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'ユーザーグループを作成します。よろしいでしょうか。');
  await expect(page.getByText('ユーザーグループを作成しました。')).toBeVisible();
  const row = page.getByTestId('user-groups').locator('tr.ant-table-row').filter({ hasText: name });
  await expect(row).toContainText('0');
  await expectNoAxeViolations(page);

  await row.getByRole('button', { name: 'メンバー編集' }).click();
  const members = page.getByRole('dialog', { name: `メンバー編集：${name}` });
  await members.getByRole('combobox', { name: 'メンバー' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: demo.operator }).click();
  await page.keyboard.press('Escape');
  await members.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'メンバーを保存します。よろしいでしょうか。');
  await expect(page.getByText('メンバーを保存しました。')).toBeVisible();
  await expect(row.locator('td').nth(1)).toHaveText('1');

  await page.getByRole('tab', { name: 'ユーザー一覧' }).click();
  await expect(
    page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: demo.operator }),
  ).toContainText(name);

  await page.getByRole('tab', { name: 'ユーザーグループ' }).click();
  await row.getByRole('button', { name: '削除' }).click();
  await confirmOk(page, 'ユーザーグループを削除します。よろしいでしょうか。');
  await expect(page.getByText('ユーザーグループを削除しました。')).toBeVisible();
  await expect(row).toHaveCount(0);
});

test('the password policy of the operator and of a tenant is checked and saved', async ({ page }) => {
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: 'パスワードポリシー' })
    .click();
  const card = page.getByTestId('password-policy');
  await expect(card.getByLabel('ロック時間（分）')).toHaveValue('60');
  await expectNoAxeViolations(page);

  await page.goto('/operator/tenants');
  await page.getByRole('link', { name: 'T8000002' }).click();
  await expect(card.getByLabel('最小文字数')).toHaveValue('12');
  await card.getByLabel('最小文字数').fill('10');
  await card.getByRole('button', { name: '保存' }).click();
  await expect(card.getByText('標準プロファイルでは12文字以上を指定してください。')).toBeVisible();
  await expectNoAxeViolations(page);
  await card.getByLabel('最小文字数').fill('14');
  await card.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'パスワードポリシーを保存します。よろしいでしょうか。');
  await expect(page.getByText('パスワードポリシーを保存しました。')).toBeVisible();
  await page.reload();
  await expect(card.getByLabel('最小文字数')).toHaveValue('14');
  // back to the manual's rule for the other tests
  await card.getByLabel('最小文字数').fill('12');
  await card.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'パスワードポリシーを保存します。よろしいでしょうか。');
  await expect(page.getByText('パスワードポリシーを保存しました。')).toBeVisible();
});
