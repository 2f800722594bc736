import { customerMessages } from './messages/customers.js';
import { mailTemplateMessages } from './messages/mail-templates.js';
import { tenantMessages } from './messages/tenant.js';
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
    'validation.controlCharacter': '使用できない文字（制御文字など）が含まれています。',
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
    'validation.currentPasswordWrong': '現在のパスワードが正しくありません。',
    'validation.minLengthRange': '8以上64以下の数値を入力してください。',
    'validation.standardMinLength': '標準プロファイルでは12文字以上を指定してください。',
    'validation.historyCountRange': '0以上24以下の数値を入力してください。',
    'validation.lockoutThresholdRange': '3以上20以下の数値を入力してください。',
    'validation.lockoutMinutesRange': '1以上60以下の数値を入力してください。',
    'error.terms_outdated': '新しい利用規約が公開されています。画面を再読み込みしてください。',
    'error.account_locked': 'アカウントがロックされています。',
    'error.password_change_required': 'パスワードを変更してください。',
    'error.terms_required': '利用規約に同意してください。',
    'error.reset_not_found': 'このURLは無効です。',
    'error.reset_expired': 'このURLは有効期限切れです。もう一度パスワードの再設定を行ってください。',
    'error.reset_used': 'このURLは既に使用されています。',
    'error.identity_mismatch': '入力された情報が登録内容と一致しません。',
    'error.invitation_cancelled': 'このURLは取り消されました。管理者にお問い合わせください。',
    'validation.fullWidthName': '全角で入力し、姓と名の間に全角空白を1つ入れてください。',
    'validation.phone': '半角数字とハイフンで入力してください（数字10〜15桁）。',
    'validation.timeZone': 'タイムゾーンを選択してください。',
    'validation.roleForOrganization': 'この組織では選択できない権限です。',
    'validation.noChanges': '1つ以上の項目を変更してください。',
    'error.already_member': 'このメールアドレスのユーザーは既に登録されています。',
    'error.cannot_change_self':
      'ご自身のアカウントはユーザ管理では変更できません（権限・無効化・仮パスワード・ロック解除・二要素認証のリセット）。アカウント設定から変更してください。',
    'error.duplicate_name': '同じ名前が既に使われています。',
    'error.not_invited': 'このユーザーは招待中ではありません。',
    'error.not_active': 'このユーザーは有効ではありません。',
    'validation.supportId': 'サポート ID が正しくありません。',
    'error.trial_organization': 'トライアル中は証明書による二要素認証へ変更できません。',
    'error.certificate_required_first':
      '管理者へのクライアント証明書の必須化は、ご自身の有効なクライアント証明書でログインしてから設定してください。',
    'error.certificates_unavailable': 'クライアント証明書は現在利用できません（CA の暗号鍵が未設定です）。',
    'error.not_admin': '対象のユーザーはこの組織の有効な管理者ではありません。',
    'error.request_not_open': 'この手続きは既に対応済みです。',
    'error.download_unreadable': 'このダウンロードは利用できません。サポートにお問い合わせください。',
    'validation.otpCode': '6桁の数字で入力してください。',
    'validation.recoveryCode': 'リカバリーコードの形式が正しくありません。',
    'error.invalid_code': '認証コードが正しくありません。',
    'error.login_expired': 'ログインの有効期限が切れました。最初からやり直してください。',
    'error.reauth_required': 'パスワードを再入力してください。',
    'error.code_resend_limited': '認証コードの再送信はしばらくしてから行ってください。',
    'error.mfa_method_unavailable': 'この認証方式は利用できません。',
    'error.mfa_enrolment_required': '二要素認証を設定してください。',
    'error.mobile_not_verified': '携帯電話番号が確認されていません。',
    'error.passkey_registration_failed': 'パスキーを登録できませんでした。もう一度お試しください。',
    'error.passkey_limit': '登録できるパスキーは20個までです。不要なパスキーを削除してください。',
    ...customerMessages.ja,
    ...tenantMessages.ja,
    ...mailTemplateMessages.ja,
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
    'validation.controlCharacter':
      'This field contains characters that cannot be used (such as control characters).',
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
    'validation.currentPasswordWrong': 'The current password is incorrect.',
    'validation.minLengthRange': 'Enter a number from 8 to 64.',
    'validation.standardMinLength': 'The standard profile needs at least 12 characters.',
    'validation.historyCountRange': 'Enter a number from 0 to 24.',
    'validation.lockoutThresholdRange': 'Enter a number from 3 to 20.',
    'validation.lockoutMinutesRange': 'Enter a number from 1 to 60.',
    'error.terms_outdated': 'Newer terms of use have been published. Please reload the page.',
    'error.account_locked': 'The account is locked.',
    'error.password_change_required': 'Please change your password.',
    'error.terms_required': 'Please accept the terms of use.',
    'error.reset_not_found': 'This link is not valid.',
    'error.reset_expired': 'This link has expired. Please request a new password reset.',
    'error.reset_used': 'This link has already been used.',
    'error.identity_mismatch': 'The details do not match our records.',
    'error.invitation_cancelled': 'This link was cancelled. Please contact your administrator.',
    'validation.fullWidthName':
      'Use full-width characters with one full-width space between family and given name.',
    'validation.phone': 'Use half-width digits and hyphens (10 to 15 digits).',
    'validation.timeZone': 'Choose a time zone.',
    'validation.roleForOrganization': 'This role is not available in this organisation.',
    'validation.noChanges': 'Change at least one field.',
    'error.already_member': 'A user with this e-mail address is already registered.',
    'error.cannot_change_self':
      'You cannot change your own account in user administration (role, disabling, temporary password, unlock, second-factor reset). Use your account page.',
    'error.duplicate_name': 'This name is already in use.',
    'error.not_invited': 'This user has no pending invitation.',
    'error.not_active': 'This user is not active.',
    'validation.supportId': 'The support ID is not correct.',
    'error.trial_organization':
      'Certificate two-factor authentication cannot be switched on during the trial.',
    'error.certificate_required_first':
      'Sign in with your own valid client certificate before requiring client certificates for administrators.',
    'error.certificates_unavailable':
      'Client certificates are not available (the CA encryption key is not configured).',
    'error.not_admin': 'The user is not an active admin of this organisation.',
    'error.request_not_open': 'This request has already been handled.',
    'error.download_unreadable': 'This download cannot be used. Please contact support.',
    'validation.otpCode': 'Enter the 6-digit code.',
    'validation.recoveryCode': 'The recovery code is not in the right format.',
    'error.invalid_code': 'The verification code is incorrect.',
    'error.login_expired': 'Your login has expired. Please start again.',
    'error.reauth_required': 'Please enter your password again.',
    'error.code_resend_limited': 'Please wait before requesting another code.',
    'error.mfa_method_unavailable': 'This method is not available.',
    'error.mfa_enrolment_required': 'Please set up two-factor authentication.',
    'error.mobile_not_verified': 'The mobile number has not been verified.',
    'error.passkey_registration_failed': 'The passkey could not be registered. Please try again.',
    'error.passkey_limit': 'You can register up to 20 passkeys. Please remove one you no longer use.',
    ...customerMessages.en,
    ...tenantMessages.en,
    ...mailTemplateMessages.en,
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof sharedMessages)['ja'];

/**
 * A field message is an i18n key, or a key and one argument after a colon
 * (`validation.unknownPlaceholder:{{Foo}}`): the argument fills the message's `{value}`.
 */
export function splitFieldMessage(message: string): { key: string; value?: string } {
  const colon = message.indexOf(':');
  if (colon < 0 || !message.startsWith('validation.')) return { key: message };
  return { key: message.slice(0, colon), value: message.slice(colon + 1) };
}

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const table: Record<string, string> = sharedMessages[locale];
  const text = table[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}
