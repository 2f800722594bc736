import { expect, test } from '@playwright/test';
import { demo, expectNoAxeViolations, logIn, logOut, openMail, uniqueEmail } from './support.js';

test('the operator onboards a new tenant and its first admin signs up', async ({ page }) => {
  const tenantName = `テスト販売店${Date.now().toString(36)}`;
  const adminEmail = uniqueEmail('admin');
  const password = 'Sign-up-Passw0rd!';

  // operator: create the tenant
  await logIn(page, demo.operator);
  await expect(page).toHaveURL(/\/operator\/tenants$/);
  await expect(page.getByRole('heading', { level: 1, name: 'テナント管理' })).toBeVisible();
  await page.getByRole('button', { name: '新規作成' }).click();
  const dialog = page.getByRole('dialog', { name: 'テナントの新規作成' });
  await dialog.getByLabel('テナント名').fill(tenantName);
  await dialog.getByRole('button', { name: '作成' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'テナントを作成します。よろしいでしょうか。' });
  await confirm.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('テナントを作成しました。')).toBeVisible();
  await expect(dialog).toBeHidden();

  // find it with the search and open it
  await page.getByRole('searchbox', { name: 'テナントID・テナント名で検索' }).fill(tenantName);
  await page.getByRole('button', { name: '検索' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  const tenantCode = ((await rows.first().locator('td').first().textContent()) ?? '').trim();
  expect(tenantCode).toMatch(/^T\d{7}$/);
  await rows.first().getByRole('link', { name: tenantName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(tenantCode);
  const info = page.getByTestId('tenant-info');
  await expect(info).toContainText(tenantCode);
  await expect(info).toContainText(tenantName);

  // invite its admin
  const inviteCard = page.locator('.ant-card').filter({ hasText: '管理者を招待' });
  await inviteCard.getByLabel('メールアドレス').fill(adminEmail);
  await inviteCard.getByRole('button', { name: '招待メールを送信' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '招待メールを送信します。よろしいでしょうか。' })
    .getByRole('button', { name: 'OK' })
    .click();
  await expect(page.getByText('招待メールを送信しました。')).toBeVisible();
  const invitations = page.locator('.ant-card').filter({ hasText: '招待履歴' });
  await expect(invitations.getByRole('row').filter({ hasText: adminEmail })).toContainText('招待中');
  await logOut(page);

  // the invited admin reads the mail
  const mail = await openMail(page, adminEmail);
  await expect(mail).toContainText(tenantCode);
  await expect(mail).toContainText(tenantName);
  const link = mail.getByRole('link', { name: /\/invitations\// });
  const signUpUrl = await link.getAttribute('href');
  expect(signUpUrl).toBeTruthy();
  await link.click();

  // signs up (001 §2.2): ユーザ情報入力 → 次へ → 確認 → 登録
  await expect(page.getByRole('heading', { level: 1, name: 'ユーザー登録' })).toBeVisible();
  const summary = page.getByTestId('invitation-summary');
  await expect(summary).toContainText(tenantCode);
  await expect(summary).toContainText(tenantName);
  await expect(summary).toContainText(adminEmail);
  await expect(page.getByTestId('signup-organization')).toHaveText(`${tenantCode}（${tenantName}）`);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByLabel('パスワード（確認）').fill(`${password}x`);
  await page.getByLabel('ユーザ名').fill('招待 太郎');
  await page.getByLabel('電話番号').fill('０３-1234-5678');
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.getByText('パスワードが一致しません。')).toBeVisible();
  await expect(page.getByText('全角で入力し、姓と名の間に全角空白を1つ入れてください。')).toBeVisible();
  await expect(page.getByText('半角数字とハイフンで入力してください（数字10〜15桁）。')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('パスワード（確認）').fill(password);
  await page.getByLabel('ユーザ名').fill('招待　太郎');
  await page.getByLabel('会社名').fill('テスト商事');
  await page.getByLabel('部署名').fill('営業部');
  await page.getByLabel('電話番号').fill('03-1234-5678');
  await page.getByRole('button', { name: '次へ' }).click();

  const confirmation = page.getByTestId('signup-confirm');
  await expect(confirmation).toContainText('*****');
  await expect(confirmation).not.toContainText(password);
  await expect(confirmation).toContainText('招待　太郎');
  await expect(confirmation).toContainText('テスト商事');
  await expect(confirmation).toContainText('03-1234-5678');
  // back keeps what was typed
  await page.getByRole('button', { name: '戻る' }).click();
  await expect(page.getByLabel('部署名')).toHaveValue('営業部');
  await page.getByRole('button', { name: '次へ' }).click();
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByText('認証情報の更新が完了しました。')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('招待　太郎');
  await expect(page.getByRole('main')).toContainText(adminEmail);

  // logs in and sees the partner portal of the new tenant
  await page.getByRole('button', { name: 'ログイン画面へ' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, adminEmail, password);
  // a new user meets the current terms of use first
  await expect(page).toHaveURL(/\/terms$/);
  await expect(page.getByRole('heading', { level: 1, name: '利用規約' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('checkbox', { name: '上記の利用規約に同意する' }).check();
  await page.getByRole('button', { name: '同意する' }).click();
  await expect(page).toHaveURL(/\/partner$/);
  await expect(page.getByTestId('current-organization')).toContainText(tenantCode);
  await expect(page.getByTestId('current-organization')).toContainText(tenantName);
  await expect(page.getByRole('heading', { level: 1, name: 'ダッシュボード' })).toBeVisible();
  // a new tenant has no verified notification address yet: the dashboard says so (PP-6)
  const addressDialog = page.getByRole('dialog', { name: '通知先メールアドレスを設定してください' });
  await expect(addressDialog).toBeVisible();
  await addressDialog.getByRole('button', { name: '閉じる' }).last().click();
  await expect(addressDialog).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link')).toHaveText([
    'ダッシュボード',
    '顧客管理',
    'サポート',
    'ユーザー管理',
    '組織設定',
  ]);
  await logOut(page);
  await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();

  // the link cannot be used twice
  await page.goto(signUpUrl!);
  await expect(page.getByRole('alert')).toHaveText(
    'このURLは既に使用されています。ログイン画面からログインしてください。',
  );
  await expect(page.getByLabel('パスワード', { exact: true })).toHaveCount(0);

  // the operator sees the invitation as registered and the new member
  await logIn(page, demo.operator);
  await page.getByRole('searchbox', { name: 'テナントID・テナント名で検索' }).fill(tenantCode);
  await page.getByRole('button', { name: '検索' }).click();
  await page.getByRole('link', { name: tenantCode }).click();
  await expect(
    page
      .locator('.ant-card')
      .filter({ hasText: '招待履歴' })
      .getByRole('row')
      .filter({ hasText: adminEmail }),
  ).toContainText('登録済み');
  await expect(page.locator('.ant-card').filter({ hasText: 'ユーザー' }).first()).toContainText('招待　太郎');
});

test('an unknown sign-up link says so and shows no form', async ({ page }) => {
  await page.goto('/invitations/this-token-does-not-exist');
  await expect(page.getByRole('alert')).toHaveText('このURLは無効です。');
  await expect(page.getByLabel('ユーザ名')).toHaveCount(0);
});
