import { type MailTemplate, sendOnlyClosing } from '../../platform/mail/templates.js';

export type NotificationAddressVerificationVars = {
  email: string;
  tenantCode: string;
  tenantName: string;
  url: string;
  /** Already formatted in the requesting user's time zone. */
  expiresAt: string;
};

/** 登録メールアドレスの確認 (`001 §5.4.2` ③): a tenant's notification address, verified by its link. */
export const notificationAddressVerificationMail: MailTemplate<NotificationAddressVerificationVars> = {
  name: 'notification-address-verification',
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
      ...sendOnlyClosing.ja,
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
      ...sendOnlyClosing.en,
    ].join('\n'),
  }),
};
