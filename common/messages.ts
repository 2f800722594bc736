import type { Locale } from './roles.js';

/**
 * Messages shared by server answers and browser forms, keyed by the codes used in zod schemas
 * and error bodies. The web app merges these into its i18n resources.
 */
export const sharedMessages = {
  ja: {
    'validation.required': '入力してください。',
    'validation.tooLong': '入力できる文字数を超えています。',
    'validation.email': 'メールアドレスの形式が正しくありません。',
    'validation.invalid': '入力内容が正しくありません。',
    'validation.passwordTooShort': 'パスワードは12文字以上で入力してください。',
    'validation.passwordMismatch': 'パスワードが一致しません。',
    'validation.unknownField': 'この項目は受け付けられません。',
    'validation.existingPasswordWrong': '登録済みアカウントのパスワードを入力してください。',
    'validation.malformed': 'リクエストの形式が正しくありません。',
    'error.validation': '入力内容に誤りがあります。',
    'error.invalid_credentials': 'メールアドレスまたはパスワードが正しくありません。',
    'error.unauthenticated': 'ログインしてください。',
    'error.forbidden': 'この操作を行う権限がありません。',
    'error.csrf': '画面を再読み込みしてから、もう一度お試しください。',
    'error.not_found': '対象が見つかりません。',
    'error.rate_limited': '試行回数が多すぎます。しばらくしてから再度お試しください。',
    'error.invitation_not_found': 'このURLは無効です。',
    'error.invitation_expired': 'このURLは有効期限切れです。管理者に再送を依頼してください。',
    'error.invitation_used': 'このURLは既に使用されています。ログイン画面からログインしてください。',
    'error.conflict': '他の操作と競合しました。',
    'error.internal': 'システムエラーが発生しました。',
  },
  en: {
    'validation.required': 'This field is required.',
    'validation.tooLong': 'Too many characters.',
    'validation.email': 'Enter a valid e-mail address.',
    'validation.invalid': 'The value is not valid.',
    'validation.passwordTooShort': 'The password must have at least 12 characters.',
    'validation.passwordMismatch': 'The passwords do not match.',
    'validation.unknownField': 'This field is not accepted.',
    'validation.existingPasswordWrong': 'Enter the password of your existing account.',
    'validation.malformed': 'The request is malformed.',
    'error.validation': 'Some fields are not valid.',
    'error.invalid_credentials': 'The e-mail address or password is incorrect.',
    'error.unauthenticated': 'Please log in.',
    'error.forbidden': 'You are not allowed to do this.',
    'error.csrf': 'Reload the page and try again.',
    'error.not_found': 'Not found.',
    'error.rate_limited': 'Too many attempts. Please try again later.',
    'error.invitation_not_found': 'This link is not valid.',
    'error.invitation_expired': 'This link has expired. Ask your administrator to send a new one.',
    'error.invitation_used': 'This link has already been used. Please log in.',
    'error.conflict': 'The change conflicts with another one.',
    'error.internal': 'A system error occurred.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof sharedMessages)['ja'];

export function translate(locale: Locale, key: string): string {
  const table: Record<string, string> = sharedMessages[locale];
  return table[key] ?? key;
}
