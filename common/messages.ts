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
    'passwordRule.length': '{min}文字以上{max}文字以下',
    'passwordRule.lower': '英小文字を含む',
    'passwordRule.upper': '英大文字を含む',
    'passwordRule.digit': '数字を含む',
    'passwordRule.symbol': '記号を含む',
    'passwordRule.charset': '使用できる文字は半角英数字と記号のみ',
    'passwordRule.notUserName': 'ユーザー名・メールアドレスの一部を含まない',
    'passwordRule.notRecent': '過去{count}回までに使用したパスワードではない',
    'passwordRule.notCommon': 'よく使われるパスワードではない',
    'validation.passwordRules': 'パスワードの条件を満たしていません。',
    'error.account_locked': 'アカウントがロックされています。',
    'error.password_change_required': 'パスワードを変更してください。',
    'error.terms_required': '利用規約に同意してください。',
    'error.reset_not_found': 'このURLは無効です。',
    'error.reset_expired': 'このURLは有効期限切れです。もう一度パスワードの再設定を行ってください。',
    'error.reset_used': 'このURLは既に使用されています。',
    'error.identity_mismatch': '入力された情報が登録内容と一致しません。',
    'error.invitation_cancelled': 'このURLは取り消されました。管理者にお問い合わせください。',
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
    'passwordRule.length': 'Between {min} and {max} characters',
    'passwordRule.lower': 'A lower-case letter',
    'passwordRule.upper': 'An upper-case letter',
    'passwordRule.digit': 'A digit',
    'passwordRule.symbol': 'A symbol',
    'passwordRule.charset': 'Only half-width letters, digits and symbols',
    'passwordRule.notUserName': 'Does not contain your user name or e-mail address',
    'passwordRule.notRecent': 'Not one of your last {count} passwords',
    'passwordRule.notCommon': 'Not a commonly used password',
    'validation.passwordRules': 'The password does not meet the rules.',
    'error.account_locked': 'The account is locked.',
    'error.password_change_required': 'Please change your password.',
    'error.terms_required': 'Please accept the terms of use.',
    'error.reset_not_found': 'This link is not valid.',
    'error.reset_expired': 'This link has expired. Please request a new password reset.',
    'error.reset_used': 'This link has already been used.',
    'error.identity_mismatch': 'The details do not match our records.',
    'error.invitation_cancelled': 'This link was cancelled. Please contact your administrator.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof sharedMessages)['ja'];

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const table: Record<string, string> = sharedMessages[locale];
  const text = table[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}
