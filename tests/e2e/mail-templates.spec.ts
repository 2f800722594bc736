import { expect, type Page, test } from '@playwright/test';
import {
  acceptTermsIfAsked,
  callApi,
  demo,
  demoPassword,
  expectNoAxeViolations,
  linkInMail,
  logIn,
  uniqueEmail,
} from './support.js';

type Tenant = { id: string; code: string; name: string };

/** A new partner tenant made by the operator, with `email` invited as its admin and signed up. */
async function adminOfNewTenant(page: Page, email: string, password: string, name: string): Promise<Tenant> {
  await callApi(page, 'POST', '/api/auth/login', { email: demo.operator, password: demoPassword });
  const tenant = await callApi<Tenant>(page, 'POST', '/api/operator/tenants', { name });
  await callApi(page, 'POST', `/api/operator/tenants/${tenant.id}/invitations`, { email });
  await callApi(page, 'POST', '/api/auth/logout');
  const token = (await linkInMail(page, email, /\/invitations\//)).split('/').pop();
  const info = await page.request.get(`/api/invitations/${token}`);
  const existing = ((await info.json()) as { userExists: boolean }).userExists;
  await callApi(
    page,
    'POST',
    `/api/invitations/${token}/accept`,
    existing ? { password } : { name: '試験　花子', password, passwordConfirm: password },
  );
  return tenant;
}

async function chooseTenant(page: Page, tenant: Tenant, path = '/partner/mail-templates'): Promise<void> {
  await callApi(page, 'POST', '/api/session/organization', { organizationId: tenant.id });
  await page.goto(path);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

const row = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

test('an admin edits a template with a preview, copies it to another tenant and restores the default', async ({
  page,
}) => {
  // two tenants signed up through the API, then the whole flow with four accessibility scans
  test.setTimeout(150_000);
  const email = uniqueEmail('templates');
  const password = 'Template-Passw0rd!';
  const suffix = Date.now().toString(36);
  const first = await adminOfNewTenant(page, email, password, `テンプレート販売${suffix}`);
  const second = await adminOfNewTenant(page, email, password, `テンプレート複写${suffix}`);

  await logIn(page, email, password);
  await acceptTermsIfAsked(page);
  await chooseTenant(page, first);

  // the list: 12 templates, all デフォルト; the SMS has no subject
  await expect(page.getByRole('heading', { level: 1, name: 'メールテンプレート一覧' })).toBeVisible();
  const breadcrumb = page.getByRole('navigation', { name: 'パンくずリスト' });
  await expect(breadcrumb.getByRole('link', { name: 'ダッシュボード' })).toBeVisible();
  await expect(breadcrumb).toContainText('メールテンプレート一覧');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(12);
  await expect(row(page, 'パスワードリセット(SMS)')).toContainText('SMSのため件名が存在しません');
  await expect(page.getByTestId('mail-template-status').filter({ hasText: 'カスタム' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /のその他の操作$/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // edit: an unknown placeholder is refused with its name on the field
  await page.getByRole('link', { name: 'サービス申込み確認を変更' }).click();
  await expect(page).toHaveURL(/\/partner\/mail-templates\/application_confirmation$/);
  await expect(page.getByRole('heading', { level: 1, name: 'メールテンプレート変更' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '日本語' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'English' })).toBeVisible();
  const panel = page.getByRole('tabpanel', { name: '日本語' });
  const subject = panel.getByLabel('件名');
  const body = panel.getByLabel('本文');
  await expect(subject).not.toHaveValue('');

  // nothing changed: 確認 asks for a change
  await panel.getByRole('button', { name: '確認' }).click();
  await expect(panel.getByText('1つ以上の項目を変更してください。')).toBeVisible();

  await subject.fill('【テスト】{{CompanyName}}様 {{Unknown}} のお申込み');
  await panel.getByRole('button', { name: '確認' }).click();
  await expect(panel.getByText('使用できない差し込み文字です: {{Unknown}}')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'メールテンプレート確認' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // fixed; a placeholder from the list goes where the caret is
  await subject.fill('【テスト】{{CompanyName}}様 のお申込み');
  await expect(panel.getByText('使用できない差し込み文字です: {{Unknown}}')).toHaveCount(0);
  await body.fill('申請番号: ');
  await body.press('End');
  await panel.getByRole('button', { name: '{{ApplicationNumber}}' }).click();
  await expect(body).toHaveValue('申請番号: {{ApplicationNumber}}');
  await body.press('End');
  await body.pressSequentially('\nご担当: ');
  await panel.getByRole('button', { name: '{{ContactName}}' }).click();
  await expect(body).toHaveValue('申請番号: {{ApplicationNumber}}\nご担当: {{ContactName}}');

  // 確認: the text rendered with sample data
  await panel.getByRole('button', { name: '確認' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'メールテンプレート確認' })).toBeVisible();
  const preview = page.getByTestId('mail-template-preview');
  await expect(preview).toContainText('【テスト】');
  await expect(preview).toContainText('様 のお申込み');
  await expect(preview).toContainText('申請番号: ');
  await expect(preview).not.toContainText('{{');
  await expectNoAxeViolations(page);

  // 戻る keeps the text; 保存 stores it
  await page.getByRole('button', { name: '戻る' }).click();
  await expect(subject).toHaveValue('【テスト】{{CompanyName}}様 のお申込み');
  await panel.getByRole('button', { name: '確認' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('メールテンプレートを保存しました。')).toBeVisible();
  await expect(page).toHaveURL(/\/partner\/mail-templates$/);
  await expect(row(page, 'サービス申込み確認')).toContainText('カスタム');
  await expect(row(page, 'サービス申込み確認')).toContainText('【テスト】{{CompanyName}}様 のお申込み');
  await expect(row(page, 'サービス申込み完了')).toContainText('デフォルト');

  // copy to the other tenant: step 1 tenants, step 2 templates
  await page.getByRole('button', { name: 'メールテンプレートコピー' }).click();
  const dialog = page.getByRole('dialog', { name: 'メールテンプレートコピー' });
  await expect(dialog.getByRole('button', { name: '次へ' })).toBeDisabled();
  await dialog.getByRole('button', { name: '全選択' }).click();
  await expect(dialog.getByRole('checkbox', { name: new RegExp(second.code) })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: new RegExp(first.code) })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'クリア' }).click();
  await expect(dialog.getByRole('checkbox', { name: new RegExp(second.code) })).not.toBeChecked();
  await dialog.getByRole('checkbox', { name: new RegExp(second.code) }).check();
  await expect(dialog.getByRole('button', { name: 'クリア' })).toBeVisible();
  await dialog.getByRole('button', { name: '次へ' }).click();
  await expect(dialog.getByRole('checkbox')).toHaveCount(12);
  await dialog.getByRole('button', { name: '全選択' }).click();
  await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(12);
  await dialog.getByRole('button', { name: 'クリア' }).click();
  await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: '戻る' }).click();
  await expect(dialog.getByRole('checkbox', { name: new RegExp(second.code) })).toBeChecked();
  await dialog.getByRole('button', { name: '次へ' }).click();
  await dialog.getByRole('checkbox', { name: 'サービス申込み確認' }).check();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'コピー' }).click();
  await expect(page.getByText('メールテンプレートをコピーしました。')).toBeVisible();
  await expect(dialog).toBeHidden();

  // デフォルトに戻す, only offered for the custom template
  await expect(page.getByRole('button', { name: /のその他の操作$/ })).toHaveCount(1);
  await page.getByRole('button', { name: 'サービス申込み確認のその他の操作' }).click();
  await page.getByRole('menuitem', { name: 'デフォルトに戻す' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '「サービス申込み確認」をデフォルトに戻します。よろしいでしょうか。' })
    .getByRole('button', { name: 'OK' })
    .click();
  await expect(page.getByText('メールテンプレートをデフォルトに戻しました。')).toBeVisible();
  await expect(row(page, 'サービス申込み確認')).toContainText('デフォルト');
  await expect(row(page, 'サービス申込み確認')).not.toContainText('【テスト】');

  // the other tenant got the copy
  await chooseTenant(page, second);
  await expect(row(page, 'サービス申込み確認')).toContainText('カスタム');
  await expect(row(page, 'サービス申込み確認')).toContainText('【テスト】{{CompanyName}}様 のお申込み');
  await expect(row(page, 'サービス申込み完了')).toContainText('デフォルト');

  // in English, the names come from the server in the language just chosen
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mail templates' })).toBeVisible();
  await expect(row(page, 'Service application: confirm address')).toContainText('Custom');
  await expect(row(page, 'Password reset (SMS)')).toContainText('SMS messages have no subject');
});

test('a member reads the templates without changing them', async ({ page }) => {
  await logIn(page, demo.partner);
  await acceptTermsIfAsked(page);
  const session = await callApi<{ memberships: (Tenant & { organizationId: string; role: string })[] }>(
    page,
    'GET',
    '/api/session',
  );
  const member = session.memberships.find((m) => m.role === 'member');
  expect(member).toBeTruthy();
  await chooseTenant(page, { ...member!, id: member!.organizationId }, '/partner');

  // the user menu leads to the list (001 §5.4.3 (1))
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'メールテンプレート設定' }).click();
  await expect(page).toHaveURL(/\/partner\/mail-templates$/);

  await expect(page.getByRole('heading', { level: 1, name: 'メールテンプレート一覧' })).toBeVisible();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(12);
  await expect(page.getByRole('button', { name: 'メールテンプレートコピー' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /を変更$/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'パスワードリセット(SMS)を表示' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'メールテンプレート詳細' })).toBeVisible();
  const panel = page.getByRole('tabpanel', { name: '日本語' });
  await expect(panel.getByText('メールテンプレートの変更は管理者のみ行えます。')).toBeVisible();
  await expect(panel.getByLabel('件名')).toHaveCount(0);
  await expect(panel.getByLabel('本文')).toHaveAttribute('readonly', '');
  await expect(panel.getByRole('button', { name: '確認' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'English' }).click();
  await expect(page.getByRole('tabpanel', { name: 'English' }).getByLabel('本文')).not.toHaveValue('');
  await expectNoAxeViolations(page);
});
