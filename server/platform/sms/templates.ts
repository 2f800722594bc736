import type { Locale } from '../../../common/roles.js';

type SmsTemplate<V> = Record<Locale, (vars: V) => string>;

export type SmsCodeVars = { code: string; minutes: number };

/** The login code (SMS OTP). */
const loginCode: SmsTemplate<SmsCodeVars> = {
  ja: (v) =>
    `【Madoguchi】認証コード: ${v.code}（${v.minutes}分間有効）。このコードを他人に教えないでください。`,
  en: (v) => `[Madoguchi] Verification code: ${v.code} (valid ${v.minutes} min). Do not share this code.`,
};

/** The code that proves the user holds the mobile number (`000 §12–§14`). */
const mobileVerification: SmsTemplate<SmsCodeVars> = {
  ja: (v) => `【Madoguchi】携帯電話番号の確認コード: ${v.code}（${v.minutes}分間有効）`,
  en: (v) => `[Madoguchi] Mobile number verification code: ${v.code} (valid ${v.minutes} min)`,
};

export const smsTemplates = { 'mfa-code': loginCode, 'mobile-verification': mobileVerification } as const;
export type SmsTemplateName = keyof typeof smsTemplates;
