import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import * as OTPAuth from 'otpauth';
import { PNG } from 'pngjs';
import { acceptTermsIfAsked, createTenantUser, logIn, openMail, uniqueEmail } from './support.js';

export const newUserPassword = 'Second-Factor-Passw0rd!';

/** A fresh admin of T8000002 (nobody else logs in as them), logged in and past the terms. */
export async function freshUser(page: Page, prefix: string): Promise<string> {
  const email = uniqueEmail(prefix);
  await createTenantUser(page, email, newUserPassword);
  await logIn(page, email, newUserPassword);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(/\/partner$/);
  return email;
}

/** Reads the QR code of a PNG data URL the way a phone camera would: pixels → the encoded text. */
export function readQrDataUrl(dataUrl: string): string {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded, 'a QR code in the image').not.toBeNull();
  return decoded!.data;
}

/**
 * The code an authenticator app shows for the otpauth:// URI, `stepsAhead` time steps later
 * (the server accepts ±1 step and refuses a step already used, so a second login uses the next).
 */
export function totpCode(otpauthUri: string, stepsAhead = 0): string {
  const otp = OTPAuth.URI.parse(otpauthUri);
  if (!(otp instanceof OTPAuth.TOTP)) throw new Error(`not a TOTP URI: ${otpauthUri}`);
  return otp.generate({ timestamp: Date.now() + stepsAhead * otp.period * 1000 });
}

/** The login code of the newest 認証コード mail to `email`, read in another tab of the same browser. */
export async function mailedCode(context: BrowserContext, email: string): Promise<string> {
  const mailbox = await context.newPage();
  try {
    const mail = await openMail(mailbox, email, /認証コード/);
    const match = /認証コード: (\d{6})/.exec((await mail.textContent()) ?? '');
    expect(match, 'a code in the mail').not.toBeNull();
    return match![1]!;
  } finally {
    await mailbox.close();
  }
}

/** The account settings' 二要素認証 card. */
export async function openTwoFactorCard(page: Page) {
  await page.goto('/account');
  const card = page.getByTestId('two-factor');
  await expect(card).toBeVisible();
  return card;
}

/** The password dialog that guards enrolling and removing factors, when it asks. */
export async function reauthIfAsked(page: Page, password = newUserPassword): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'パスワードの再入力' });
  await dialog.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
  if (!(await dialog.isVisible())) return;
  await dialog.getByLabel('パスワード').fill(password);
  await dialog.getByRole('button', { name: '確認' }).click();
  await expect(dialog).toBeHidden();
}

/** The second login step, after the password. */
export async function expectSecondStep(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: '二要素認証' })).toBeVisible();
}

/** 認証アプリ → 設定する (re-authenticating when asked): the pairing dialog and the URI its QR image holds. */
export async function startAppPairing(page: Page, card: Locator, password = newUserPassword) {
  await card.getByRole('button', { name: '設定する' }).click();
  await reauthIfAsked(page, password);
  const dialog = page.getByRole('dialog', { name: '認証アプリの設定' });
  const image = dialog.getByRole('img', { name: '認証アプリで読み取るQRコード' });
  await expect(image).toBeVisible();
  return { dialog, uri: readQrDataUrl((await image.getAttribute('src')) ?? '') };
}

/** Enters the app's current code; returns the ten recovery codes shown once, then closes them. */
export async function finishAppPairing(
  page: Page,
  dialog: Locator,
  uri: string,
  check?: () => Promise<void>,
) {
  await dialog.getByLabel('認証コード').fill(totpCode(uri));
  await dialog.getByRole('button', { name: '設定を完了' }).click();
  const codesDialog = page.getByRole('dialog', { name: 'リカバリーコード' });
  const items = codesDialog.getByTestId('recovery-codes').getByRole('listitem');
  await expect(items).toHaveCount(10);
  const codes = (await items.allTextContents()).map((c) => c.trim());
  await check?.();
  await codesDialog.getByRole('button', { name: '閉じる' }).last().click();
  await expect(codesDialog).toBeHidden();
  return codes;
}
