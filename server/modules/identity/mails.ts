import { type MailTemplate, sendOnlyClosing } from '../../platform/mail/templates.js';

export type LockoutVars = { email: string; portalUrl: string; minutes: number };

/** アカウントロックアウト通知 (`001 §3.1`): sent once when an account is locked. */
export const lockoutMail: MailTemplate<LockoutVars> = {
  name: 'lockout',
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
      ...sendOnlyClosing.ja,
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
      ...sendOnlyClosing.en,
    ].join('\n'),
  }),
};
