import { describe, expect, it } from 'vitest';
import { choiceMethods, initialMethod, isSentMethod } from './loginMethods.js';

describe('login step methods', () => {
  it('starts with the preferred method when it is offered', () => {
    expect(initialMethod(['totp', 'mail', 'recovery'], 'mail')).toBe('mail');
    expect(initialMethod(['totp', 'mail', 'recovery'], 'sms')).toBe('totp');
    expect(initialMethod(['passkey'], null)).toBe('passkey');
    expect(initialMethod(['recovery'], 'totp')).toBe('recovery');
    expect(initialMethod(['totp', 'recovery'], 'certificate')).toBe('totp');
  });

  it('offers every method but the recovery code as a choice', () => {
    expect(choiceMethods(['totp', 'mail', 'recovery'])).toEqual(['totp', 'mail']);
  });

  it('knows which codes the portal sends', () => {
    expect(isSentMethod('mail')).toBe(true);
    expect(isSentMethod('sms')).toBe(true);
    expect(isSentMethod('totp')).toBe(false);
  });
});
