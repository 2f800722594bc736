import { mailFooter as footer, type MailTemplate } from '../../platform/mail/templates.js';

export type MfaCodeVars = { email: string; code: string; minutes: number };

/** 認証コード (MailOTP, `002`): the login code, bound to one login attempt. */
export const mfaCodeMail: MailTemplate<MfaCodeVars> = {
  name: 'mfa-code',
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
export const mfaResetMail: MailTemplate<MfaResetVars> = {
  name: 'mfa-reset',
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
