import { expect, type Page, test } from '@playwright/test';
import {
  acceptTermsIfAsked,
  confirmOk,
  demo,
  demoPassword,
  expectNoAxeViolations,
  linkInMail,
  logIn,
  logOut,
  openPartnerPage,
  uniqueEmail,
} from './support.js';

const openUserAdmin = (page: Page) => openPartnerPage(page, 'ユーザー管理');

test('an admin adds a user who passes the identity check, sets a password and logs in', async ({ page }) => {
  const email = uniqueEmail('added');
  const name = '追加　次郎';
  const phone = '03-5555-0101';
  const password = 'Added-User-Passw0rd!';

  await openUserAdmin(page);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.filter({ hasText: demo.partner })).toContainText('有効');
  await expectNoAxeViolations(page);

  // the admin's own account is changed on the account page, not here
  await rows.filter({ hasText: demo.partner }).getByRole('button').first().click();
  const own = page.getByRole('dialog', { name: 'ユーザー詳細' });
  await expect(own.getByTestId('account-note')).toContainText('アカウント設定から変更してください');
  await expect(own.getByRole('button', { name: '仮パスワード発行' })).toHaveCount(0);
  await expect(own.getByLabel('電話番号', { exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(own).toBeHidden();

  await page.getByRole('button', { name: 'ユーザー追加' }).click();
  const dialog = page.getByRole('dialog', { name: 'ユーザー追加' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('入力してください。').first()).toBeVisible();
  await dialog.getByLabel('電話番号', { exact: true }).fill('03-5555-O1O1');
  await dialog.getByLabel('メールアドレス').fill(email);
  await dialog.getByLabel('氏名').fill(name);
  await dialog.getByLabel('役職').focus();
  await expect(dialog.getByText('半角数字とハイフンで入力してください（数字10〜15桁）。')).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByLabel('電話番号', { exact: true }).fill(phone);
  await dialog.getByLabel('役職').fill('課長');
  await expect(dialog.getByRole('radio', { name: '一般ユーザー' })).toBeChecked();
  await dialog.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'ユーザーを追加し、登録案内メールを送信します。よろしいでしょうか。');
  await expect(page.getByText('ユーザーを追加し、登録案内メールを送信しました。')).toBeVisible();
  await expect(dialog).toBeHidden();

  // the list: search and status filter from the server
  await page.getByRole('searchbox', { name: '氏名・メールアドレスで検索' }).fill(email);
  await page.getByRole('button', { name: '検索' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('招待中');
  await expect(rows.first()).toContainText('一般ユーザー');
  await expect(page).toHaveURL(/q=/);

  // the detail drawer offers only re-send and cancel for an invitation
  await rows.first().getByRole('button', { name }).click();
  const drawer = page.getByRole('dialog', { name: 'ユーザー詳細' });
  await expect(drawer.getByTestId('user-detail')).toContainText(email);
  await expect(drawer.getByText('招待中です。本人が招待を承認するまで')).toBeVisible();
  await expect(drawer.getByRole('button', { name: '保存' })).toHaveCount(0);
  await expect(drawer.getByRole('button', { name: '招待メール再送' })).toBeVisible();
  await expect(drawer.getByRole('button', { name: '招待取消' })).toBeVisible();
  await expectNoAxeViolations(page);
  await drawer
    .getByRole('button', { name: 'Close' })
    .or(drawer.getByRole('button', { name: '閉じる' }))
    .first()
    .click();
  await logOut(page);

  // the new user follows the registration mail: ① 本人確認 → ② パスワード設定 → 完了
  const link = await linkInMail(page, email, /\/invitations\//, /ユーザ登録受付のお知らせ/);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'パスワード登録' })).toBeVisible();
  await expect(page.getByTestId('invitation-summary')).toContainText('T8000001');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('氏名').fill('追加 次郎');
  await page.getByLabel('連絡先電話番号').fill('0355550000');
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.getByRole('alert')).toHaveText('入力された情報が登録内容と一致しません。');
  await expectNoAxeViolations(page);
  await page.getByLabel('連絡先電話番号').fill('0355550101');
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.getByTestId('password-rules')).toBeVisible();
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByLabel('パスワード（確認）').fill(password);
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByText('認証情報の更新が完了しました。')).toBeVisible();
  await expect(page.getByRole('main')).toContainText(email);

  await logIn(page, email, password);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(/\/partner$/);
  await expect(page.getByTestId('current-organization')).toContainText('T8000001');
  // a member has no user administration
  await expect(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link')).toHaveText([
    'ダッシュボード',
    '顧客管理',
    'サポート',
  ]);
});

test('a temporary password issued by the admin must be changed at the next login', async ({ page }) => {
  const email = uniqueEmail('temp');
  const password = 'Own-Choice-Passw0rd!';

  // a user who has signed up
  await openUserAdmin(page);
  await page.getByRole('button', { name: 'ユーザー追加' }).click();
  const dialog = page.getByRole('dialog', { name: 'ユーザー追加' });
  await dialog.getByLabel('メールアドレス').fill(email);
  await dialog.getByLabel('氏名').fill('仮　三郎');
  await dialog.getByLabel('電話番号', { exact: true }).fill('0366660202');
  await dialog.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'ユーザーを追加し、登録案内メールを送信します。よろしいでしょうか。');
  await expect(dialog).toBeHidden();

  // the admin issues a temporary password (shown once) and the user is asked for a new one
  await page.getByRole('searchbox', { name: '氏名・メールアドレスで検索' }).fill(email);
  await page.getByRole('button', { name: '検索' }).click();
  const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
  await expect(row).toContainText(email);
  await logOut(page);
  const link = await linkInMail(page, email, /\/invitations\//, /ユーザ登録受付のお知らせ/);
  await page.goto(link);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('氏名').fill('仮　三郎');
  await page.getByLabel('連絡先電話番号').fill('03-6666-0202');
  await page.getByRole('button', { name: '次へ' }).click();
  await page.getByLabel('パスワード', { exact: true }).fill('First-Own-Passw0rd!');
  await page.getByLabel('パスワード（確認）').fill('First-Own-Passw0rd!');
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByText('認証情報の更新が完了しました。')).toBeVisible();

  await openUserAdmin(page);
  await page.getByRole('searchbox', { name: '氏名・メールアドレスで検索' }).fill(email);
  await page.getByRole('button', { name: '検索' }).click();
  await expect(row).toContainText('有効');
  await row.getByRole('button', { name: '仮　三郎' }).click();
  const drawer = page.getByRole('dialog', { name: 'ユーザー詳細' });
  await drawer.getByRole('button', { name: '仮パスワード発行' }).click();
  await confirmOk(page, '仮パスワードを発行します。よろしいでしょうか。');
  // a sensitive action: the admin enters their own password again first
  const reauth = page.getByRole('dialog', { name: 'パスワードの再入力' });
  await reauth.getByLabel('パスワード').fill(demoPassword);
  await reauth.getByRole('button', { name: '確認' }).click();
  const temporary = ((await page.getByTestId('temporary-password').textContent()) ?? '').trim();
  expect(temporary.length).toBeGreaterThanOrEqual(12);
  await page.getByRole('button', { name: '閉じる' }).last().click();
  await expect(page.getByTestId('temporary-password')).toBeHidden();
  // the drawer closes by its own button (a key press can land while the dialog above still closes)
  await drawer
    .getByRole('button', { name: 'Close' })
    .or(drawer.getByRole('button', { name: '閉じる' }))
    .first()
    .click();
  await expect(drawer).toBeHidden();
  await logOut(page);

  await logIn(page, email, temporary);
  await expect(page).toHaveURL(/\/password\/change$/);
  await expect(page.getByText('仮パスワードでログインしています')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/partner');
  await expect(page).toHaveURL(/\/password\/change$/);
  await page.getByLabel('現在のパスワード').fill(temporary);
  await page.getByLabel('新しいパスワード', { exact: true }).fill(password);
  await page.getByLabel('新しいパスワード（確認）').fill(password);
  await page.getByRole('button', { name: '変更', exact: true }).click();
  await expect(page.getByText('パスワード変更に成功しました。')).toBeVisible();
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(/\/partner$/);
});
