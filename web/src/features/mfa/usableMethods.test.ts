import { describe, expect, it } from 'vitest';
import type { MyMfaView } from '../../../../common/mfa.js';
import { usableMethods } from './usableMethods.js';

const view = (
  over: Partial<MyMfaView['methods']>,
  allowed: MyMfaView['policy']['allowedMethods'],
): MyMfaView => ({
  methods: {
    totp: { enrolled: false, enrolledAt: null },
    mail: { available: true },
    sms: { enrolled: false, maskedMobile: null },
    passkey: { count: 0 },
    certificate: { count: 0 },
    ...over,
  },
  preferred: null,
  recoveryCodesLeft: 0,
  policy: { requireMfa: false, allowedMethods: allowed },
});

describe('usableMethods', () => {
  it('lists enrolled methods the organisation allows', () => {
    expect(usableMethods(view({}, ['totp', 'mail', 'sms', 'passkey', 'certificate']))).toEqual(['mail']);
    expect(
      usableMethods(
        view({ totp: { enrolled: true, enrolledAt: 'x' }, passkey: { count: 2 } }, ['totp', 'passkey']),
      ),
    ).toEqual(['totp', 'passkey']);
  });

  it('leaves out mail OTP when the organisation disallows it', () => {
    expect(usableMethods(view({}, ['totp']))).toEqual([]);
  });
});
