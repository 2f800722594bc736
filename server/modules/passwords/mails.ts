import { mailFooter as footer, type MailTemplate } from '../../platform/mail/templates.js';

export type PasswordResetVars = { email: string; url: string; expiresAt: string; portalUrl: string };

/** パスワード再設定のご案内 (ID-10): a single-use link, valid for one hour. */
export const passwordResetMail: MailTemplate<PasswordResetVars> = {
  name: 'password-reset',
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
export const passwordChangedMail: MailTemplate<PasswordChangedVars> = {
  name: 'password-changed',
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
