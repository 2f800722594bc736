import { expect, type Page, test } from '@playwright/test';
import {
  acceptTermsIfAsked,
  callApi,
  confirmOk,
  demo,
  demoPassword,
  expectNoAxeViolations,
  linkInMail,
  logIn,
  logOut,
  uniqueEmail,
} from './support.js';

/** partner@ signed in, on the dashboard of T8000001 (admin) or T8000002 (member). */
async function openTenant(page: Page, code: 'T8000001' | 'T8000002') {
  await logIn(page, demo.partner);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(/\/select$/);
  await page.getByRole('button', { name: code }).click();
  await expect(page.getByTestId('current-organization')).toContainText(code);
}

async function openUserMenuItem(page: Page, name: string) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name }).click();
}

type MembershipList = { items: { organizationId: string; code: string }[] };

/** Creates customers in one of partner@'s tenants through the API (chooses that tenant first). */
async function createCustomers(page: Page, tenantCode: string, customers: { name: string; phone: string }[]) {
  const { items } = await callApi<MembershipList>(page, 'GET', '/api/memberships');
  const tenant = items.find((m) => m.code === tenantCode)!;
  await callApi(page, 'POST', '/api/session/organization', { organizationId: tenant.organizationId });
  for (const c of customers) {
    await callApi(page, 'POST', '/api/partner/customers', {
      name: c.name,
      contactFamilyName: '検索',
      contactGivenName: '太郎',
      email: 'search@example.com',
      postalCode: '1000005',
      prefecture: '東京都',
      address: '千代田区丸の内1-1-1',
      phone: c.phone,
    });
  }
}

test('cross-tenant search by company name and by phone opens the customer in its tenant', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const token = `横断${Date.now().toString(36).slice(-5)}`;
  const phone = `0${Date.now().toString().slice(-9)}`;
  await logIn(page, demo.partner);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(/\/select$/);
  const names = Array.from({ length: 12 }, (_, i) => `${token}商事${String(i + 1).padStart(2, '0')}`);
  await createCustomers(
    page,
    'T8000001',
    names.slice(0, 7).map((name, i) => ({ name, phone: `0455550${100 + i}` })),
  );
  await createCustomers(page, 'T8000002', [
    ...names.slice(7).map((name, i) => ({ name, phone: `0455551${100 + i}` })),
    { name: `${token}電話株式会社`, phone },
  ]);

  await page.goto('/select');
  await expect(page.getByRole('heading', { level: 2, name: 'テナント横断検索' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'テナント一覧' })).toBeVisible();
  const term = page.getByLabel('検索する文字列');
  await expect(term).toHaveAttribute('maxlength', '40');

  // a partial name: 13 hits, 10 shown, with both messages
  await term.fill(token);
  await page.getByRole('button', { name: '検索', exact: true }).click();
  const results = page.getByTestId('tenant-search-results');
  const rows = results.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(10);
  const more = page.getByTestId('tenant-search-more');
  await expect(more).toContainText('13件見つかりました。10件まで表示しています。');
  await expect(more).toContainText('文字数を増やして再度検索してください。');
  await expect(rows.first()).toContainText('T8000001');
  await expect(rows.first()).toContainText('デモ販売店株式会社');
  await expect(rows.last()).toContainText('T8000002');
  await expectNoAxeViolations(page);

  // fewer hits: no message
  await term.fill(`${token}商事01`);
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(more).toBeHidden();

  // phone: digits only (exact), ≤15
  await page.getByLabel('検索項目').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '電話番号' }).click();
  await expect(term).toHaveAttribute('maxlength', '15');
  await term.fill('045-555-0100');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page.getByText('電話番号はハイフンを除いて半角数字で入力してください。')).toBeVisible();
  await term.fill(phone.slice(0, -1));
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(results).toContainText('該当する会社はありません。');
  await term.fill(phone);
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('サンプル商事株式会社');
  await expect(rows.first()).toContainText(`${token}電話株式会社`);
  const companyId = ((await rows.first().locator('td').nth(2).textContent()) ?? '').trim();
  expect(companyId).toMatch(/^A\d{8}$/);

  // the company ID opens that customer in its tenant
  await rows.first().getByRole('link', { name: companyId }).click();
  await expect(page).toHaveURL(/\/partner\/customers\/\d+$/);
  await expect(page.getByTestId('current-organization')).toContainText('T8000002');
  await expect(page.getByRole('main')).toContainText(`${token}電話株式会社`);
});

test('an admin saves the tenant settings after the confirm; a referrer URL with a path is refused', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openTenant(page, 'T8000001');
  await openUserMenuItem(page, 'テナント設定');
  await expect(page).toHaveURL(/\/partner\/tenant-settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'テナント設定' })).toBeVisible();

  // defaults
  await expect(page.getByRole('radio', { name: '利用しない' })).toBeChecked();
  const days = page.getByLabel('顧客作成後、契約数確認機能の対象外とする日数');
  await expect(days).toHaveValue('20');
  await expect(page.getByText('※一つもURLを指定しない場合、すべてのアクセス元を許可します。')).toBeVisible();
  await expect(page.getByText('許可URLはありません（すべてのアクセス元を許可します）。')).toBeVisible();

  await page.getByRole('radio', { name: '利用する' }).check();
  await days.fill('100');
  await days.blur();
  await expect(page.getByText('0以上99以下の整数を入力してください。')).toBeVisible();
  await days.fill('99');

  // referrer URLs: scheme and host only
  const newUrl = page.getByLabel('サービス申込みページアクセス許可URL追加');
  const referrers = page.getByTestId('referrer-urls');
  await newUrl.fill('https://www.example.co.jp/apply');
  await referrers.getByRole('button', { name: '追加' }).click();
  await expect(referrers.getByText(/スキームとホスト名のみを入力してください/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'URL 1', exact: true })).toHaveCount(0);
  await newUrl.fill('https://www.example.co.jp');
  await referrers.getByRole('button', { name: '追加' }).click();
  await expect(page.getByRole('textbox', { name: 'URL 1', exact: true })).toHaveValue(
    'https://www.example.co.jp/',
  );
  await newUrl.fill('http://partner.example.com:8080/');
  await referrers.getByRole('button', { name: '追加' }).click();
  await expect(page.getByRole('textbox', { name: 'URL 2', exact: true })).toHaveValue(
    'http://partner.example.com:8080/',
  );

  // an edited URL with a path is refused on save
  await page
    .getByRole('textbox', { name: 'URL 2', exact: true })
    .fill('http://partner.example.com:8080/shop/');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(referrers.getByText(/スキームとホスト名のみを入力してください/)).toBeVisible();
  await page.getByRole('button', { name: 'URL 2を削除' }).click();
  await expect(page.getByRole('textbox', { name: 'URL 2', exact: true })).toHaveCount(0);

  // links: add one with a publish date
  const links = page.getByTestId('links');
  await links.getByRole('button', { name: '追加' }).click();
  await expect(links.getByText('入力してください。').first()).toBeVisible();
  await links.getByLabel('リンク名', { exact: true }).fill('ご利用ガイド');
  await links.getByLabel('URL', { exact: true }).fill('https://guide.example.co.jp/start');
  await links.getByLabel('説明', { exact: true }).fill('はじめての方へ');
  await links.getByLabel('掲載日', { exact: true }).fill('2026-04-01');
  await links.getByLabel('掲載日', { exact: true }).press('Enter');
  await links.getByRole('button', { name: '追加' }).click();
  await expect(links.getByRole('textbox', { name: 'リンク名 1', exact: true })).toHaveValue('ご利用ガイド');
  await expect(links.getByRole('textbox', { name: '掲載日 1', exact: true })).toHaveValue('2026-04-01');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, '設定を保存します。よろしいでしょうか。');
  await expect(page.getByText('設定を保存しました。')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('radio', { name: '利用する' })).toBeChecked({ timeout: 30_000 });
  await expect(page.getByLabel('顧客作成後、契約数確認機能の対象外とする日数')).toHaveValue('99');
  await expect(referrers.getByRole('textbox', { name: 'URL 1', exact: true })).toHaveValue(
    'https://www.example.co.jp/',
  );
  await expect(page.getByRole('textbox', { name: 'リンク名 1', exact: true })).toHaveValue('ご利用ガイド');
  await expect(page.getByRole('textbox', { name: '説明 1', exact: true })).toHaveValue('はじめての方へ');

  // the server refuses a referrer URL with a path too
  const refused = await page.request.put('/api/partner/tenant-settings', {
    data: {
      utmApplicationEnabled: true,
      contractCheckExemptDays: 20,
      referrerUrls: ['https://a.example/x'],
      links: [],
    },
    headers: {
      'x-csrf-token': decodeURIComponent(
        (await page.context().cookies()).find((c) => c.name === 'mg_csrf')?.value ?? '',
      ),
    },
  });
  expect(refused.status()).toBe(400);

  // a member of T8000002 sees the settings read-only
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'テナント切替' }).click();
  await page.getByRole('button', { name: 'T8000002' }).click();
  await expect(page.getByTestId('current-organization')).toContainText('T8000002');
  await openUserMenuItem(page, 'テナント設定');
  await expect(page.getByText('設定の変更はポータル管理者のみが行えます。')).toBeVisible();
  await expect(page.getByLabel('顧客作成後、契約数確認機能の対象外とする日数')).toBeDisabled();
  await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
});

test('a new notification address is verified through the link in its mail', async ({ page }) => {
  test.setTimeout(120_000);
  const address = uniqueEmail('notify');
  await openTenant(page, 'T8000001');
  await openUserMenuItem(page, 'メールアドレス設定');
  await expect(page.getByRole('heading', { level: 1, name: 'メールアドレス設定' })).toBeVisible();
  await expect(page.getByText(/テナントの共通設定です/)).toBeVisible();
  await expect(page.getByLabel('メールアドレス', { exact: true })).toHaveValue('notice@demo-hanbai.example');
  await expect(page.getByTestId('address-status-1')).toHaveText('確認済み');
  await expect(page.getByLabel('メールアドレス確認')).toHaveCount(0);

  // no change → 「メール設定を保存しました」
  await page.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'メールアドレス設定を保存します。よろしいでしょうか。');
  await expect(page.getByText('メール設定を保存しました')).toBeVisible();

  // a new address 2 needs its confirm field
  await page.getByLabel('メールアドレス2', { exact: true }).fill(address);
  const confirmField = page.getByLabel('メールアドレス2確認');
  await expect(confirmField).toBeVisible();
  await confirmField.fill(`x${address}`);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('メールアドレスが一致しません。')).toBeVisible();
  await confirmField.fill(address);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'メールアドレス設定を保存します。よろしいでしょうか。');
  await expect(page.getByText(`通知メールアドレス(${address})へ確認メールを送信しました。`)).toBeVisible();
  await expect(page.getByTestId('address-status-2')).toContainText('未確認');
  await expect(confirmField).toHaveCount(0);
  await logOut(page);

  // the mail's link: GET shows the address, the button confirms it
  const link = await linkInMail(page, address, /\/notification-addresses\/verify\//);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'メールアドレスの確認' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(address);
  await expect(page.getByRole('main')).toContainText('T8000001');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'メールアドレスを有効にする' }).click();
  await expect(page.getByText(`メールアドレス(${address})の確認が完了しました。`)).toBeVisible();

  // single use
  await page.goto(link);
  await expect(page.getByRole('alert')).toContainText('このURLは無効か、有効期限が切れています。');

  await openTenant(page, 'T8000001');
  await openUserMenuItem(page, 'メールアドレス設定');
  await expect(page.getByLabel('メールアドレス2', { exact: true })).toHaveValue(address);
  await expect(page.getByTestId('address-status-2')).toHaveText('確認済み');

  // emptying it removes it without a mail
  await page.getByLabel('メールアドレス2', { exact: true }).fill('');
  await page.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'メールアドレス設定を保存します。よろしいでしょうか。');
  await expect(page.getByText('メール設定を保存しました')).toBeVisible();
  await expect(page.getByTestId('address-status-2')).toHaveCount(0);
});

test('the dashboard asks a new tenant for a notification address until one is verified', async ({ page }) => {
  test.setTimeout(120_000);
  const adminEmail = uniqueEmail('newtenant');
  const password = 'New-Tenant-Passw0rd!';
  const notify = uniqueEmail('first-notice');
  await callApi(page, 'POST', '/api/auth/login', { email: demo.operator, password: demoPassword });
  const tenant = await callApi<{ id: string }>(page, 'POST', '/api/operator/tenants', {
    name: `通知未設定販売${Date.now().toString(36)}`,
  });
  await callApi(page, 'POST', `/api/operator/tenants/${tenant.id}/invitations`, { email: adminEmail });
  await callApi(page, 'POST', '/api/auth/logout');
  const invitation = await linkInMail(page, adminEmail, /\/invitations\//);
  await callApi(page, 'POST', `/api/invitations/${invitation.split('/').pop()}/accept`, {
    name: '通知　設定',
    password,
    passwordConfirm: password,
  });

  await logIn(page, adminEmail, password);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(/\/partner$/);
  const dialog = page.getByRole('dialog', { name: '通知先メールアドレスを設定してください' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'メールアドレス設定へ' }).click();
  await expect(page).toHaveURL(/\/partner\/notification-addresses$/);
  await expect(dialog).toBeHidden();

  await page.getByLabel('メールアドレス', { exact: true }).fill(notify);
  await page.getByLabel('メールアドレス確認').fill(notify);
  await page.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'メールアドレス設定を保存します。よろしいでしょうか。');
  await expect(page.getByText(`通知メールアドレス(${notify})へ確認メールを送信しました。`)).toBeVisible();

  // not verified yet: the dialog still comes
  await page.getByRole('link', { name: 'ダッシュボード' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '閉じる' }).last().click();
  await expect(dialog).toBeHidden();

  const link = await linkInMail(page, notify, /\/notification-addresses\/verify\//);
  await page.goto(link);
  await page.getByRole('button', { name: 'メールアドレスを有効にする' }).click();
  await expect(page.getByText(/の確認が完了しました。/)).toBeVisible();
  await page.goto('/partner');
  await expect(page.getByRole('heading', { level: 1, name: 'ダッシュボード' })).toBeVisible();
  await expect(dialog).toHaveCount(0);
});

test('the operator sets the additional fields and the support page; the partner sees them', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const manuals = `https://manuals.example.com/madoguchi/${Date.now().toString(36)}`;

  // before: T8000002 has no support information
  await openTenant(page, 'T8000002');
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: 'サポート' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'サポート' })).toBeVisible();
  await expect(page.getByText('サポート情報はまだ登録されていません。')).toBeVisible();
  await logOut(page);

  await logIn(page, demo.operator);
  await page.getByRole('link', { name: 'T8000002' }).click();
  const fieldsCard = page.getByTestId('application-fields-card');
  await expect(fieldsCard).toContainText('追加項目はありません。');
  await fieldsCard.getByRole('button', { name: '項目を追加' }).click();
  await fieldsCard.getByLabel('項目名 1').fill('ご担当者の部署');
  await fieldsCard.getByLabel('必須 1').check();
  await fieldsCard.getByRole('button', { name: '項目を追加' }).click();
  await fieldsCard.getByLabel('項目名 2').fill('希望連絡時間帯');
  await fieldsCard.getByLabel('形式 2').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '選択' }).click();
  await fieldsCard.getByRole('button', { name: '保存' }).click();
  await expect(
    fieldsCard.getByText('形式が「選択」の項目には選択項目を1件以上入力してください。'),
  ).toBeVisible();
  const options = fieldsCard.getByLabel('選択項目 2');
  await options.fill('午前');
  await options.press('Enter');
  await options.fill('午後');
  await options.press('Enter');
  await expectNoAxeViolations(page);
  await fieldsCard.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, '追加項目を保存します。よろしいでしょうか。');
  await expect(page.getByText('追加項目を保存しました。')).toBeVisible();

  const supportCard = page.getByTestId('support-page-card');
  await supportCard.getByLabel('マニュアル一覧のURL').fill('manuals.example.com');
  await supportCard.getByRole('button', { name: '保存' }).click();
  await expect(
    supportCard.getByText('http:// または https:// で始まるURLを入力してください。'),
  ).toBeVisible();
  await supportCard.getByLabel('マニュアル一覧のURL').fill(manuals);
  await supportCard.getByLabel('問合せ先メールアドレス').fill('support@madoguchi.example');
  await supportCard.getByRole('button', { name: '保存' }).click();
  await confirmOk(page, 'サポートページの設定を保存します。よろしいでしょうか。');
  await expect(page.getByText('サポートページの設定を保存しました。')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('application-fields-card').getByLabel('項目名 2')).toHaveValue(
    '希望連絡時間帯',
  );
  await expect(page.getByTestId('support-page-card').getByLabel('マニュアル一覧のURL')).toHaveValue(manuals);
  await logOut(page);

  // the partner: support page and the read-only fields in the tenant settings
  await openTenant(page, 'T8000002');
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: 'サポート' })
    .click();
  const info = page.getByTestId('support-info');
  await expect(info.getByRole('link', { name: manuals })).toHaveAttribute('href', manuals);
  await expect(info.getByRole('link', { name: 'support@madoguchi.example' })).toHaveAttribute(
    'href',
    'mailto:support@madoguchi.example',
  );
  await expectNoAxeViolations(page);

  await openUserMenuItem(page, 'テナント設定');
  const fields = page.getByTestId('application-fields');
  const rows = fields.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('ご担当者の部署');
  await expect(rows.nth(0)).toContainText('必須項目');
  await expect(rows.nth(0)).toContainText('テキスト');
  await expect(rows.nth(1)).toContainText('希望連絡時間帯');
  await expect(rows.nth(1)).toContainText('任意項目');
  await expect(rows.nth(1)).toContainText('選択');
  await expect(rows.nth(1)).toContainText('午前');
  await expect(rows.nth(1)).toContainText('午後');
  await expectNoAxeViolations(page);
});
