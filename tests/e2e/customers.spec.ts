import { expect, type Page, test } from '@playwright/test';
import {
  callApi,
  confirmOk,
  expectNoAxeViolations,
  openMail,
  openPartnerPage,
  uniqueEmail,
} from './support.js';

const openCustomers = (page: Page) => openPartnerPage(page, '顧客管理');

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

/** Chooses an option of an antd Select by its label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** The tenant's 「ポータルユーザ仮登録」 template gets a line of its own, through メールテンプレート設定. */
async function customiseInvitationTemplate(page: Page, marker: string) {
  await page.goto('/partner/mail-templates');
  await expect(page.getByRole('heading', { level: 1, name: 'メールテンプレート一覧' })).toBeVisible();
  await page.getByRole('link', { name: 'ポータルユーザ仮登録を変更' }).click();
  const panel = page.getByRole('tabpanel', { name: '日本語' });
  const subject = panel.getByLabel('件名');
  const body = panel.getByLabel('本文');
  await expect(body).not.toHaveValue('');
  await subject.fill(`【${marker}】ポータルユーザ仮登録のお知らせ`);
  await body.fill(`${marker} のご案内です。\n${await body.inputValue()}`);
  await panel.getByRole('button', { name: '確認' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'メールテンプレート確認' })).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('メールテンプレートを保存しました。')).toBeVisible();
}

test('a partner creates a customer with postal auto-fill, edits it, adds login users and deletes it', async ({
  page,
}) => {
  // one long story on a machine shared with other runs
  test.setTimeout(360_000);
  const suffix = Date.now().toString(36).slice(-6);
  // script tags typed into fields are shown as text, never run
  const name = `E2E<script>alert(1)</script>${suffix}`;
  const memo = '<img src=x onerror=alert(2)>メモ';
  const alerts: string[] = [];
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });

  await openCustomers(page);
  const breadcrumb = page.getByRole('navigation', { name: 'パンくずリスト' });
  await expect(breadcrumb.getByRole('link', { name: 'ダッシュボード' })).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // 顧客作成: required fields, limits and formats are checked before anything is sent
  await page.getByRole('button', { name: '作成' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '顧客作成' })).toBeVisible();
  await expect(breadcrumb).toContainText('顧客管理');
  await page.getByRole('button', { name: '作成' }).click();
  await expect(page.getByText('入力してください。').first()).toBeVisible();
  await page.getByLabel('会社名').fill('あ'.repeat(41));
  await page.getByLabel('郵便番号').fill('12-3456');
  await page.getByLabel('電話番号').fill('03-1234-5678');
  await page.getByLabel('メールアドレス').fill('not-an-address');
  await page.getByLabel('氏名（姓）').focus();
  await expect(page.getByText('入力できる文字数を超えています。')).toBeVisible();
  await expect(
    page.getByText('郵便番号は半角数字7桁、または「733-0001」の形式で入力してください。'),
  ).toBeVisible();
  await expect(page.getByText('ハイフンを除く半角数字で入力してください。')).toBeVisible();
  await expect(page.getByText('メールアドレスの形式が正しくありません。')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('会社名').fill(name);
  await page.getByLabel('メモ1').fill(memo);
  await expect(page.getByLabel('メモ2')).toBeHidden();
  await page.getByRole('button', { name: 'さらに表示' }).click();
  await page.getByLabel('メモ2').fill('二つ目のメモ');
  await page.getByRole('button', { name: '省略' }).click();
  await expect(page.getByLabel('メモ2')).toBeHidden();
  await page.getByLabel('氏名（姓）').fill('日電');
  await page.getByLabel('氏名（名）').fill('太郎');
  await page.getByLabel('メールアドレス').fill(uniqueEmail('contact'));
  // 7 digits fill 都道府県 and 住所; the street number is added by hand
  await page.getByLabel('郵便番号').fill('1000005');
  await expect(page.getByLabel('住所')).toHaveValue('千代田区丸の内');
  await expect(page.locator('.ant-select').filter({ has: page.getByLabel('都道府県') })).toContainText(
    '東京都',
  );
  await expect(
    page.getByText('郵便番号から自動入力された住所には番地が含まれない場合があります。', { exact: false }),
  ).toBeVisible();
  await page.getByLabel('住所').fill('千代田区丸の内1-1-1');
  await page.getByLabel('電話番号').fill('0312345678');
  await page.getByRole('button', { name: '作成' }).click();
  await confirmOk(page, '顧客を作成します。よろしいでしょうか。');
  await expect(page.getByText('顧客を作成しました。')).toBeVisible();

  // 顧客詳細: the name and memo as text; memo 2 behind さらに表示
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(breadcrumb).toContainText('顧客詳細');
  const basic = page.getByTestId('customer-basic');
  await expect(basic).toContainText(name);
  await expect(basic).toContainText(memo);
  await expect(basic).toContainText('有効');
  await expect(basic).not.toContainText('二つ目のメモ');
  await page.getByRole('button', { name: 'さらに表示' }).click();
  await expect(basic).toContainText('二つ目のメモ');
  const contact = page.getByTestId('customer-contact');
  await expect(contact).toContainText('100-0005');
  await expect(contact).toContainText('東京都');
  await expect(contact).toContainText('千代田区丸の内1-1-1');
  const code = (await basic.locator('td').first().innerText()).trim();
  expect(code).toMatch(/^A\d+$/);
  await expect(page.getByRole('tab', { name: '顧客情報' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'ユーザ管理' })).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(2);
  await expectNoAxeViolations(page);

  // 顧客情報変更: at least one change
  await page.getByRole('button', { name: '編集' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '顧客情報変更' })).toBeVisible();
  await expect(page.getByLabel('会社名')).toHaveValue(name);
  await page.getByRole('button', { name: '変更' }).click();
  await expect(page.getByText('1つ以上の項目を変更してください。')).toBeVisible();
  await page.getByLabel('部署名').fill('情報システム部');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '変更' }).click();
  await confirmOk(page, '顧客情報を変更します。よろしいでしょうか。');
  await expect(page.getByText('顧客情報を変更しました。')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('customer-contact')).toContainText('情報システム部');
  const detailUrl = page.url();

  // the list: フィルタ 会社名 + 残高 and ステータス; the button shows how many conditions apply
  await breadcrumb.getByRole('link', { name: '顧客管理' }).click();
  await page.getByRole('button', { name: 'フィルタ' }).click();
  await page.getByRole('menuitem', { name: '会社名' }).click();
  await page.getByRole('textbox', { name: '会社名' }).fill(suffix);
  await page.getByRole('button', { name: 'フィルタ' }).click();
  await page.getByRole('menuitem', { name: '残高' }).click();
  await page.getByRole('textbox', { name: '残高', exact: true }).fill('0');
  await choose(page, 'ステータス', '有効');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page).toHaveURL(/name=/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(name);
  await expect(rows(page).first()).toContainText('¥0');
  await expect(page.getByTestId('filter-count')).toContainText('2');
  await choose(page, '残高の条件', '不一致');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page.getByText('該当する顧客はありません。')).toBeVisible();
  await expectNoAxeViolations(page);

  // ユーザ管理: a login user whose invitation mail uses the tenant's customised template
  const marker = `カスタム案内${suffix}`;
  await customiseInvitationTemplate(page, marker);
  await page.goto(`${detailUrl}?tab=users`);
  await expect(page.getByRole('tab', { name: 'ユーザ管理' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('ログインユーザはいません。')).toBeVisible();
  await page.getByRole('button', { name: '作成' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ユーザ作成' })).toBeVisible();
  const userEmail = uniqueEmail('customer-user');
  await page.getByLabel('氏名（姓）').fill('顧客');
  await page.getByLabel('氏名（名）').fill('一郎');
  await page.getByLabel('メールアドレス').fill(userEmail);
  await page.getByLabel('携帯番号').fill('090-1234-5678');
  await page.getByLabel('氏名（姓）').focus();
  await expect(
    page
      .getByText('入力できる文字数を超えています。')
      .or(page.getByText('ハイフンを除く半角数字で入力してください。'))
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('携帯番号').fill('09012345678');
  await page.getByRole('button', { name: '作成' }).click();
  await confirmOk(page, 'ユーザを作成します。よろしいでしょうか。');
  await expect(page.getByText('ユーザを作成しました。', { exact: false })).toBeVisible();
  const userRow = rows(page).filter({ hasText: userEmail });
  await expect(userRow).toContainText('顧客 一郎');
  await expect(userRow).toContainText('09012345678');
  await expect(userRow.locator('td').nth(1)).toHaveText(/^[A-Z]{2}\d{6}$/);
  await expectNoAxeViolations(page);

  // ユーザ編集: at least one change
  await page.getByRole('button', { name: '顧客 一郎を編集' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ユーザ編集' })).toBeVisible();
  await page.getByRole('button', { name: '編集' }).click();
  await expect(page.getByText('1つ以上の項目を変更してください。')).toBeVisible();
  await page.getByLabel('携帯番号').fill('08011112222');
  await page.getByRole('button', { name: '編集' }).click();
  await confirmOk(page, 'ユーザを編集します。よろしいでしょうか。');
  await expect(page.getByText('ユーザを編集しました。')).toBeVisible();
  await expect(rows(page).filter({ hasText: userEmail })).toContainText('08011112222');

  // a second user, deleted through ユーザ削除
  const secondEmail = uniqueEmail('customer-user2');
  await page.getByRole('button', { name: '作成' }).click();
  await page.getByLabel('氏名（姓）').fill('削除');
  await page.getByLabel('氏名（名）').fill('予定');
  await page.getByLabel('メールアドレス').fill(secondEmail);
  await page.getByRole('button', { name: '作成' }).click();
  await confirmOk(page, 'ユーザを作成します。よろしいでしょうか。');
  await expect(rows(page).filter({ hasText: secondEmail })).toBeVisible();
  await page.getByRole('button', { name: '削除 予定を削除' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ユーザ削除' })).toBeVisible();
  await expect(page.getByTestId('customer-user')).toContainText(secondEmail);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '削除', exact: true }).click();
  await confirmOk(page, 'ユーザを削除します。よろしいでしょうか。');
  await expect(page.getByText('ユーザを削除しました。')).toBeVisible();
  await expect(rows(page).filter({ hasText: secondEmail })).toHaveCount(0);
  await expect(rows(page).filter({ hasText: userEmail })).toHaveCount(1);

  // the invitation mail: the customised text and the link
  const mail = await openMail(page, userEmail, new RegExp(marker));
  await expect(mail).toContainText(`${marker} のご案内です。`);
  const href = await mail
    .getByRole('link', { name: /\/invitations\// })
    .first()
    .getAttribute('href');
  expect(new URL(href!).pathname).toMatch(/^\/invitations\/[\w-]+$/);

  // a customer with a login user only (no contracts, no UTMs) can be deleted
  await page.goto(detailUrl);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: '削除' }).click();
  await confirmOk(page, '顧客を削除します。よろしいでしょうか。');
  await expect(page.getByText('顧客を削除しました。')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '顧客管理' })).toBeVisible();
  await page.goto(`/partner/customers?code=${code}`);
  await expect(page.getByText('該当する顧客はありません。')).toBeVisible();
  expect(alerts).toEqual([]);
});

test('another tenant’s or an unknown customer is not found', async ({ page }) => {
  await openCustomers(page);
  // a customer of T8000002 (where partner@ is a member) is not found from T8000001
  const session = await callApi<{ memberships: { organizationId: string; code: string }[] }>(
    page,
    'GET',
    '/api/session',
  );
  const tenantOf = (code: string) => session.memberships.find((m) => m.code === code)!.organizationId;
  await callApi(page, 'POST', '/api/session/organization', { organizationId: tenantOf('T8000002') });
  const other = await callApi<{ id: string }>(page, 'POST', '/api/partner/customers', {
    name: '他テナントの顧客',
    contactFamilyName: '他',
    contactGivenName: '社',
    email: uniqueEmail('other'),
    postalCode: '1000005',
    prefecture: '東京都',
    address: '千代田区丸の内1-1',
    phone: '0300000000',
  });
  await callApi(page, 'POST', '/api/session/organization', { organizationId: tenantOf('T8000001') });
  await page.goto(`/partner/customers/${other.id}`);
  await expect(page.getByText('対象が見つかりません。')).toBeVisible();
  await page.goto(`/partner/customers/${other.id}/edit`);
  await expect(page.getByText('対象が見つかりません。')).toBeVisible();
  await page.goto('/partner/customers/999999999');
  await expect(page.getByText('対象が見つかりません。')).toBeVisible();
  await page.goto('/partner/customers/999999999/users/1/edit');
  await expect(page.getByText('対象が見つかりません。')).toBeVisible();
});
