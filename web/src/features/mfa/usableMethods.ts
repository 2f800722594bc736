import { type MfaMethod, type MyMfaView, mfaMethods } from '../../../../common/mfa.js';

/** The methods the user can sign in with now: enrolled (mail always is) and allowed by the organisation. */
export function usableMethods(mfa: MyMfaView): MfaMethod[] {
  const enrolled: Record<MfaMethod, boolean> = {
    totp: mfa.methods.totp.enrolled,
    mail: mfa.methods.mail.available,
    sms: mfa.methods.sms.enrolled,
    passkey: mfa.methods.passkey.count > 0,
    certificate: mfa.methods.certificate.count > 0,
  };
  return mfaMethods.filter((m) => enrolled[m] && mfa.policy.allowedMethods.includes(m));
}
