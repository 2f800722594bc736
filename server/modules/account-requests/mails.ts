import { mailFooter as footer, type MailTemplate } from '../../platform/mail/templates.js';

export type AccountDownloadVars = {
  email: string;
  kind: 'certificate' | 'temporary_password';
  url: string;
  /** Already formatted in the recipient's time zone. */
  expiresAt: string;
};

/** The completed account procedure (`004 §3-4`, `§3-5`): a download link valid 7 days, usable once. */
export const accountDownloadMail: MailTemplate<AccountDownloadVars> = {
  name: 'account-download',
  ja: (v) => {
    const what = v.kind === 'certificate' ? 'クライアント証明書' : '管理者の仮パスワード';
    return {
      subject: `【Madoguchi】${what}のお知らせ`,
      body: [
        `${v.email} 様`,
        '',
        `お申し込みいただいたアカウント手続きが完了しました。以下の URL から${what}を受け取ってください。`,
        `URL は 1 回だけ使用でき、7 日後に無効になります。（有効期限: ${v.expiresAt}）`,
        '',
        v.url,
        '',
        v.kind === 'certificate'
          ? '証明書のパスワードは別のメールでお送りします。以前の証明書は使用できなくなりました。'
          : '仮パスワードでログインした後、新しいパスワードへの変更が必要です。',
        '',
        footer.ja,
      ].join('\n'),
    };
  },
  en: (v) => {
    const what = v.kind === 'certificate' ? 'client certificate' : 'temporary admin password';
    return {
      subject: `[Madoguchi] Your ${what}`,
      body: [
        `Dear ${v.email},`,
        '',
        `The account procedure you requested is complete. Collect your ${what} at the URL below.`,
        `The URL works once and expires in 7 days. (Expires: ${v.expiresAt})`,
        '',
        v.url,
        '',
        v.kind === 'certificate'
          ? 'The certificate password follows in a separate message. Your earlier certificate no longer works.'
          : 'After signing in with the temporary password you must choose a new password.',
        '',
        footer.en,
      ].join('\n'),
    };
  },
};

export type CertificatePasswordVars = { email: string; password: string };

/** The PKCS#12 password, in its own message apart from the download link. */
export const certificatePasswordMail: MailTemplate<CertificatePasswordVars> = {
  name: 'certificate-password',
  ja: (v) => ({
    subject: '【Madoguchi】クライアント証明書のパスワード',
    body: [
      `${v.email} 様`,
      '',
      '別のメールでお送りしたクライアント証明書（PKCS#12 ファイル）のパスワードは以下のとおりです。',
      '',
      `パスワード : ${v.password}`,
      '',
      '証明書はデバイスのユーザーストアへインストールしてください。',
      '',
      footer.ja,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: '[Madoguchi] Password of your client certificate',
    body: [
      `Dear ${v.email},`,
      '',
      'The password of the client certificate (PKCS#12 file) sent in a separate message is:',
      '',
      `Password: ${v.password}`,
      '',
      "Install the certificate into your device's user store.",
      '',
      footer.en,
    ].join('\n'),
  }),
};
