import { describe, expect, it } from 'vitest';
import type { UserDetail } from '../../../../common/users.js';
import { changedFields, editValuesOf, newUserValues } from './userChanges.js';

const user: UserDetail = {
  memberId: '9',
  userId: '7',
  accountManaged: true,
  name: '山田　太郎',
  email: 'yamada@example.com',
  role: 'member',
  phone: '03-1234-5678',
  mobile: null,
  title: null,
  status: 'active',
  invitationExpiresAt: null,
  lastLoginAt: null,
  groups: [
    { id: '1', name: 'A' },
    { id: '2', name: 'B' },
  ],
  locale: 'ja',
  timeZone: 'Asia/Tokyo',
  comment: null,
  mfaMethod: null,
  createdAt: '2025-04-01T00:00:00.000Z',
};

describe('changedFields', () => {
  it('finds nothing when the form still holds the stored values', () => {
    expect(changedFields(user, editValuesOf(user))).toEqual({});
    expect(changedFields(user, { ...editValuesOf(user), groupIds: ['2', '1'] })).toEqual({});
  });

  it('keeps only what changed', () => {
    expect(changedFields(user, { ...editValuesOf(user), role: 'admin', mobile: '090-1234-5678' })).toEqual({
      role: 'admin',
      mobile: '090-1234-5678',
    });
  });
});

describe('第2段階認証方式', () => {
  it('sends 「指定なし」 as null and leaves an unchanged method out', () => {
    expect(changedFields(user, editValuesOf(user))).toEqual({});
    expect(changedFields(user, { ...editValuesOf(user), mfaMethod: 'totp' })).toEqual({ mfaMethod: 'totp' });
    const withTotp = { ...user, mfaMethod: 'totp' as const };
    expect(changedFields(withTotp, { ...editValuesOf(withTotp), mfaMethod: 'none' })).toEqual({
      mfaMethod: null,
    });
  });

  it('leaves 「指定なし」 out of a new user', () => {
    expect(newUserValues({ email: 'a@example.com', mfaMethod: 'none' })).toEqual({ email: 'a@example.com' });
    expect(newUserValues({ email: 'a@example.com', mfaMethod: 'mail' })).toEqual({
      email: 'a@example.com',
      mfaMethod: 'mail',
    });
  });
});
