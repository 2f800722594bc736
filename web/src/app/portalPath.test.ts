import { describe, expect, it } from 'vitest';
import type { Membership, PendingAction, Session } from '../../../common/session.js';
import { homePathFor, returnPathFits, safeReturnPath } from './portalPath.js';

const user = {
  id: '1',
  email: 'a@example.com',
  name: '窓口 太郎',
  locale: 'ja' as const,
  timeZone: 'Asia/Tokyo',
};
const partner: Membership = {
  organizationId: '10',
  kind: 'partner',
  code: 'T8000001',
  name: 'デモ',
  role: 'admin',
};
const customer: Membership = {
  organizationId: '20',
  kind: 'customer',
  code: 'A00000001',
  name: 'C',
  role: 'admin',
};

describe('homePathFor', () => {
  it('sends logged-out visitors to the login page', () => {
    expect(homePathFor(undefined)).toBe('/login');
    expect(homePathFor({ user: null })).toBe('/login');
  });

  it('sends users to the portal of their current organisation', () => {
    expect(homePathFor({ user, memberships: [partner], current: partner, pendingActions: [] })).toBe(
      '/partner',
    );
    expect(homePathFor({ user, memberships: [customer], current: customer, pendingActions: [] })).toBe(
      '/customer',
    );
  });

  it('sends users with pending steps to the password change first, then the terms', () => {
    const base = { user, memberships: [partner], current: partner };
    const both: PendingAction[] = ['changePassword', 'acceptTerms'];
    expect(homePathFor({ ...base, pendingActions: both })).toBe('/password/change');
    expect(homePathFor({ ...base, pendingActions: both.slice(1) })).toBe('/terms');
    expect(homePathFor({ ...base, pendingActions: [] })).toBe('/partner');
    expect(returnPathFits({ ...base, pendingActions: both.slice(1) }, '/partner')).toBe(false);
  });

  it('asks users without a current organisation to pick one', () => {
    expect(homePathFor({ user, memberships: [partner, customer], current: null, pendingActions: [] })).toBe(
      '/select',
    );
  });
});

describe('return paths', () => {
  const session: Session = { user, memberships: [partner], current: partner, pendingActions: [] };
  it('accepts only local paths', () => {
    expect(safeReturnPath('/partner/x')).toBe('/partner/x');
    expect(safeReturnPath('//evil.example')).toBeNull();
    expect(safeReturnPath('https://evil.example')).toBeNull();
    expect(safeReturnPath('/login')).toBeNull();
    expect(safeReturnPath(null)).toBeNull();
  });

  it('follows a return path only inside the current portal', () => {
    expect(returnPathFits(session, '/partner')).toBe(true);
    expect(returnPathFits(session, '/partner/settings')).toBe(true);
    expect(returnPathFits(session, '/partnerx')).toBe(false);
    expect(returnPathFits(session, '/operator/tenants')).toBe(false);
  });
});
