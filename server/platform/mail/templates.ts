import type { Locale } from '../../../common/roles.js';
import { accountRequestMailTemplates } from '../../modules/account-requests/mail-templates.js';

export type Rendered = { subject: string; body: string };
type Template<V> = Record<Locale, (vars: V) => Rendered>;

export type InvitationVars = {
  email: string;
  organizationCode: string;
  organizationName: string;
  url: string;
  /** Already formatted in the recipient's time zone. */
  expiresAt: string;
};

const footer = {
  ja: '本メールはシステムより自動送信されたものです。返信はできません。',
  en: 'This message was sent automatically. Please do not reply.',
};

/** 仮ユーザ登録通知 (`001 §2.1`): the invitation to register with an organisation. */
const invitation: Template<InvitationVars> = {
  ja: (v) => ({
    subject: '【Madoguchi】新規ユーザ登録のお願い',
    body: [
      `${v.email} 様`,
      '',
      'Madoguchi の以下のテナントにユーザ追加されました。',
      '',
      `テナント ID : ${v.organizationCode}`,
      `テナント名 : ${v.organizationName}`,
      '',
      'Madoguchi の利用を開始するには、7 日以内に以下の URL から新規ユーザ登録の手続きを行ってください。',
      `（有効期限: ${v.expiresAt}）`,
      '',
      v.url,
      '',
      'URL の期限が切れた場合は、招待した管理者にご連絡ください。',
      '',
      footer.ja,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: '[Madoguchi] Please complete your user registration',
    body: [
      `Dear ${v.email},`,
      '',
      'You have been added as a user of the following tenant on Madoguchi.',
      '',
      `Tenant ID: ${v.organizationCode}`,
      `Tenant name: ${v.organizationName}`,
      '',
      'To start using Madoguchi, complete your registration at the URL below within 7 days.',
      `(Expires: ${v.expiresAt})`,
      '',
      v.url,
      '',
      'If the link has expired, please contact the administrator who invited you.',
      '',
      footer.en,
    ].join('\n'),
  }),
};

export type LockoutVars = { email: string; portalUrl: string; minutes: number };

/** アカウントロックアウト通知 (`001 §3.1`): sent once when an account is locked. */
const lockout: Template<LockoutVars> = {
  ja: (v) => ({
    subject: '【Madoguchi】アカウントロックアウト通知',
    body: [
      `${v.email} 様`,
      '',
      'Madoguchi のサービスポータルに対して、ご利用のアカウントが一定回数連続でログインに失敗したことを検出しました。',
      '',
      `サービスポータルの URL: ${v.portalUrl}`,
      '',
      'このため、セキュリティ保護の目的で、ご利用のアカウントをロックアウトしました。ロックアウト中はサービスポータルにログインすることができません。',
      `また、ロックアウト時間は最大 ${v.minutes >= 60 && v.minutes % 60 === 0 ? `${v.minutes / 60} 時間` : `${v.minutes} 分`}です。`,
      'パスワードの再設定を完了すると、ロックアウトは解除されます。',
      '',
      '※当メールは送信専用メールアドレスから配信されています。このままご返信いただきましてもお答えできませんのでご了承ください。',
      '※当メールに心当たりの無い場合は、誠に恐れ入りますが破棄していただけますよう、よろしくお願いいたします。',
      '',
      '以上、よろしくお願いいたします。',
    ].join('\n'),
  }),
  en: (v) => ({
    subject: '[Madoguchi] Account lockout notice',
    body: [
      `Dear ${v.email},`,
      '',
      'We detected several consecutive failed sign-in attempts to your Madoguchi service portal account.',
      '',
      `Service portal: ${v.portalUrl}`,
      '',
      'To protect you, the account has been locked. You cannot sign in while it is locked.',
      `The lockout lasts at most ${v.minutes} minutes. Completing a password reset also unlocks it.`,
      '',
      'This message was sent from a send-only address; replies are not read.',
      'If you did not expect this message, please discard it.',
    ].join('\n'),
  }),
};

export type PasswordResetVars = { email: string; url: string; expiresAt: string; portalUrl: string };

/** パスワード再設定のご案内 (ID-10): a single-use link, valid for one hour. */
const passwordReset: Template<PasswordResetVars> = {
  ja: (v) => ({
    subject: '【Madoguchi】パスワード再設定のご案内',
    body: [
      `${v.email} 様`,
      '',
      'Madoguchi のパスワード再設定のお申し込みを受け付けました。',
      '以下の URL から 1 時間以内に新しいパスワードを設定してください。URL は一度だけ使用できます。',
      `（有効期限: ${v.expiresAt}）`,
      '',
      v.url,
      '',
      'パスワードの再設定が完了すると、アカウントのロックアウトは解除され、ログイン中のすべての端末からログアウトされます。',
      `URL の期限が切れた場合は、ログイン画面（${v.portalUrl}）の「パスワードをお忘れの方」から再度お申し込みください。`,
      '※当メールに心当たりの無い場合は、誠に恐れ入りますが破棄していただけますよう、よろしくお願いいたします。パスワードは変更されません。',
      '',
      footer.ja,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: '[Madoguchi] Resetting your password',
    body: [
      `Dear ${v.email},`,
      '',
      'We received a request to reset your Madoguchi password.',
      'Set a new password at the URL below within one hour. The link works only once.',
      `(Expires: ${v.expiresAt})`,
      '',
      v.url,
      '',
      'Completing the reset unlocks the account and signs you out on every device.',
      `If the link has expired, request a new one from the login page (${v.portalUrl}) with "Forgot your password?".`,
      'If you did not ask for this, please discard this message; your password stays unchanged.',
      '',
      footer.en,
    ].join('\n'),
  }),
};

export type PasswordChangedVars = { email: string; changedAt: string; portalUrl: string };

/** パスワード変更のお知らせ (ID-10, ID-11): tells the owner, so a change they did not make is noticed. */
const passwordChanged: Template<PasswordChangedVars> = {
  ja: (v) => ({
    subject: '【Madoguchi】パスワード変更のお知らせ',
    body: [
      `${v.email} 様`,
      '',
      `Madoguchi のパスワードが変更されました（${v.changedAt}）。`,
      '',
      'お心当たりの無い場合は、ただちにログイン画面の「パスワードをお忘れの方」からパスワードを再設定し、管理者にご連絡ください。',
      `ログイン画面: ${v.portalUrl}`,
      '',
      footer.ja,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: '[Madoguchi] Your password was changed',
    body: [
      `Dear ${v.email},`,
      '',
      `Your Madoguchi password was changed (${v.changedAt}).`,
      '',
      'If you did not do this, reset your password at once with "Forgot your password?" on the login page and tell your administrator.',
      `Login page: ${v.portalUrl}`,
      '',
      footer.en,
    ].join('\n'),
  }),
};

export type ActivationVars = {
  email: string;
  organizationCode: string;
  organizationName: string;
  url: string;
  /** Already formatted in the recipient's time zone. */
  expiresAt: string;
  loginUrl: string;
};

/** 開通案内 (`002` ユーザ登録受付メール): an admin added the user; identity check, then password. */
const activation: Template<ActivationVars> = {
  ja: (v) => ({
    subject: '【Madoguchi】ユーザ登録受付のお知らせ',
    body: [
      `${v.email} 様`,
      '',
      'このメールは Madoguchi から自動で送信しています。',
      '',
      `${v.organizationName}（${v.organizationCode}）の管理者により、Madoguchi のユーザ登録を受け付けました。`,
      '',
      'ポータルご利用前に、以下の URL よりパスワード登録をお願いします。',
      '',
      'パスワード登録 URL',
      v.url,
      `有効期限：${v.expiresAt}`,
      '',
      'パスワード登録 URL の有効期限は上記のとおりです。',
      '有効期限が過ぎた場合は、ログイン画面の「パスワードをお忘れの方」（パスワード再設定）からパスワード設定用 URL を再取得いただけます。',
      '',
      `ログイン画面: ${v.loginUrl}`,
      '',
      footer.ja,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: '[Madoguchi] Your user registration',
    body: [
      `Dear ${v.email},`,
      '',
      'This message was sent automatically by Madoguchi.',
      '',
      `An administrator of ${v.organizationName} (${v.organizationCode}) has registered you as a Madoguchi user.`,
      '',
      'Before using the portal, set your password at the URL below.',
      '',
      'Password registration URL',
      v.url,
      `Expires: ${v.expiresAt}`,
      '',
      'If the link has expired, get a new one with "Forgot your password?" (password reset) on the login page.',
      '',
      `Login page: ${v.loginUrl}`,
      '',
      footer.en,
    ].join('\n'),
  }),
};

export type MfaCodeVars = { email: string; code: string; minutes: number };

/** 認証コード (MailOTP, `002`): the login code, bound to one login attempt. */
const mfaCode: Template<MfaCodeVars> = {
  ja: (v) => ({
    subject: '【Madoguchi】認証コードのお知らせ',
    body: [
      `${v.email} 様`,
      '',
      'Madoguchi へのログインの認証コードは以下のとおりです。',
      '',
      `認証コード: ${v.code}`,
      '',
      `認証コードの有効期限は ${v.minutes} 分です。認証コードは一度だけ使用できます。`,
      '※このコードを他人に教えないでください。当メールに心当たりの無い場合は、パスワードが第三者に知られている可能性があります。パスワードを変更し、管理者にご連絡ください。',
      '',
      footer.ja,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: '[Madoguchi] Your verification code',
    body: [
      `Dear ${v.email},`,
      '',
      'Your Madoguchi sign-in verification code is:',
      '',
      `Code: ${v.code}`,
      '',
      `The code is valid for ${v.minutes} minutes and works only once.`,
      'Do not share this code. If you did not try to sign in, your password may be known to someone else: change it and tell your administrator.',
      '',
      footer.en,
    ].join('\n'),
  }),
};

export type MfaResetVars = { email: string; portalUrl: string };

/** 二要素認証のリセット: an admin removed the user's second factors (lost device). */
const mfaReset: Template<MfaResetVars> = {
  ja: (v) => ({
    subject: '【Madoguchi】二要素認証リセットのお知らせ',
    body: [
      `${v.email} 様`,
      '',
      '管理者により、Madoguchi のアカウントの二要素認証（認証アプリ、パスキー、リカバリーコード、確認済みの携帯電話番号）がリセットされました。',
      '次回ログイン後、アカウント設定から二要素認証を設定し直してください。',
      '',
      `ログイン画面: ${v.portalUrl}`,
      '',
      'お心当たりの無い場合は、ただちに管理者にご連絡ください。',
      '',
      footer.ja,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: '[Madoguchi] Your two-factor authentication was reset',
    body: [
      `Dear ${v.email},`,
      '',
      'An administrator reset the two-factor authentication of your Madoguchi account (authenticator app, passkeys, recovery codes and the verified mobile number).',
      'After your next sign-in, set up two-factor authentication again in your account settings.',
      '',
      `Login page: ${v.portalUrl}`,
      '',
      'If you did not expect this, contact your administrator at once.',
      '',
      footer.en,
    ].join('\n'),
  }),
};

export type NotificationAddressVerificationVars = {
  email: string;
  tenantCode: string;
  tenantName: string;
  url: string;
  /** Already formatted in the requesting user's time zone. */
  expiresAt: string;
};

/** 登録メールアドレスの確認 (`001 §5.4.2` ③): a tenant's notification address, verified by its link. */
const notificationAddressVerification: Template<NotificationAddressVerificationVars> = {
  ja: (v) => ({
    subject: '【Madoguchi】登録メールアドレスの確認',
    body: [
      'ご担当者 様',
      '',
      'メールアドレスの登録ありがとうございます。',
      `Madoguchi のテナント ${v.tenantName}（${v.tenantCode}）の通知先メールアドレスとして ${v.email} が登録されました。`,
      '下記 URL にアクセスいただくことで登録完了となります。',
      `URL の有効期限は 24 時間です。（有効期限: ${v.expiresAt}）`,
      '',
      v.url,
      '',
      '有効期限が切れた場合は、メールアドレス設定画面から再度保存してください。',
      '',
      '※当メールは送信専用メールアドレスから配信されています。このままご返信いただきましてもお答えできませんのでご了承ください。',
      '※当メールに心当たりの無い場合は、誠に恐れ入りますが破棄していただけますよう、よろしくお願いいたします。',
      '',
      '以上、よろしくお願いいたします。',
    ].join('\n'),
  }),
  en: (v) => ({
    subject: '[Madoguchi] Please confirm your e-mail address',
    body: [
      'Dear recipient,',
      '',
      'Thank you for registering this e-mail address.',
      `${v.email} has been registered as a notification address of the Madoguchi tenant ${v.tenantName} (${v.tenantCode}).`,
      'Open the URL below to complete the registration.',
      `The URL is valid for 24 hours. (Expires: ${v.expiresAt})`,
      '',
      v.url,
      '',
      'If the URL has expired, save the address again on the notification address settings page.',
      '',
      'This message was sent from a send-only address; replies are not read.',
      'If you did not expect this message, please discard it.',
    ].join('\n'),
  }),
};

export const mailTemplates = {
  'mfa-code': mfaCode,
  'mfa-reset': mfaReset,
  'password-reset': passwordReset,
  'password-changed': passwordChanged,
  invitation,
  activation,
  lockout,
  'notification-address-verification': notificationAddressVerification,
  ...accountRequestMailTemplates,
} as const;
export type MailTemplateName = keyof typeof mailTemplates;
export type MailVars<N extends MailTemplateName> = Parameters<(typeof mailTemplates)[N]['ja']>[0];

export function renderMail<N extends MailTemplateName>(name: N, locale: Locale, vars: MailVars<N>): Rendered {
  const render = mailTemplates[name][locale] as (v: MailVars<N>) => Rendered;
  return render(vars);
}
