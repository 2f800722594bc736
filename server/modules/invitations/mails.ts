import { mailFooter as footer, type MailTemplate } from '../../platform/mail/templates.js';

export type InvitationVars = {
  email: string;
  organizationCode: string;
  organizationName: string;
  url: string;
  /** Already formatted in the recipient's time zone. */
  expiresAt: string;
};

/** 仮ユーザ登録通知 (`001 §2.1`): the invitation to register with an organisation. */
export const invitationMail: MailTemplate<InvitationVars> = {
  name: 'invitation',
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
export const activationMail: MailTemplate<ActivationVars> = {
  name: 'activation',
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
