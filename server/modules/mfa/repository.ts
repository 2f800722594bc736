import type { Insertable } from 'kysely';
import type { MfaMethod } from '../../../common/mfa.js';
import type { Db } from '../../db/pool.js';
import type { Database } from '../../db/types.js';

/**
 * The statements of a user's second factors: the factor columns of the user's row (TOTP, the
 * verified mobile, the chosen method, the enrolment restriction), recovery codes, the MFA
 * policies of the user's organisations and the re-authentication stamp of a session. Every
 * statement is about one user (or one organisation's policy) named in it.
 */

/**
 * After a factor was enrolled: the enrolment-only restriction ends, and a user without a method
 * gets `method` when given (so the next login asks for it).
 */
export async function markEnrolled(trx: Db, userId: string, method: MfaMethod | null): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({
      mfa_enrolment_required: false,
      ...(method ? { mfa_method: eb.fn.coalesce('mfa_method', eb.val<MfaMethod>(method)) } : {}),
    }))
    .where('id', '=', userId)
    .execute();
}

/**
 * Before a user's mobile number is changed (profile, admin edit): a different number is not
 * verified, so SMS codes never go to a number nobody confirmed. Call before the update.
 */
export async function forgetVerificationIfChanged(
  trx: Db,
  userId: string,
  mobile: string | null,
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ mobile_verified_at: null })
    .where('id', '=', userId)
    .where((eb) => eb(eb.ref('mobile'), 'is distinct from', mobile))
    .execute();
}

/** The number a code came back for becomes the user's verified mobile. */
export async function setVerifiedMobile(trx: Db, userId: string, mobile: string, now: Date) {
  await trx.updateTable('users').set({ mobile, mobile_verified_at: now }).where('id', '=', userId).execute();
}

/** The user's chosen second-factor method. */
export async function findMfaMethod(db: Db, userId: string) {
  const row = await db
    .selectFrom('users')
    .select('mfa_method')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.mfa_method;
}

export async function setMfaMethod(db: Db, userId: string, method: MfaMethod) {
  await db.updateTable('users').set({ mfa_method: method }).where('id', '=', userId).execute();
}

/**
 * The factor columns of the user and how many passkeys, valid certificates (unrevoked and
 * unexpired at `now`) and unused recovery codes they hold.
 */
export async function factorCounts(db: Db, userId: string, now: Date) {
  return db
    .selectFrom('users')
    .select((eb) => [
      'users.totp_enrolled_at',
      'users.totp_secret',
      'users.mobile',
      'users.mobile_verified_at',
      eb
        .selectFrom('passkeys')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('passkeys.user_id', '=', 'users.id')
        .as('passkeys'),
      eb
        .selectFrom('certificates')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('certificates.user_id', '=', 'users.id')
        .where('certificates.revoked_at', 'is', null)
        .where('certificates.not_after', '>', now)
        .as('certificates'),
      eb
        .selectFrom('recovery_codes')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('recovery_codes.user_id', '=', 'users.id')
        .where('recovery_codes.used_at', 'is', null)
        .as('recovery'),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** An organisation's stored MFA policy, or undefined (the defaults apply). */
export async function findMfaPolicyRow(db: Db, organizationId: string) {
  return db
    .selectFrom('organization_mfa_policies')
    .select(['require_mfa', 'allowed_methods', 'require_certificate_for_admins'])
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The organisation a policy is read or written for (kind and tenant for the audit), or undefined. */
export async function findPolicyOrganization(db: Db, organizationId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'kind', 'tenant_id'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
}

/** Stores an organisation's MFA policy (a new row, or the existing one changed). */
export async function upsertMfaPolicy(
  trx: Db,
  organizationId: string,
  values: Omit<Insertable<Database['organization_mfa_policies']>, 'organization_id'>,
) {
  await trx
    .insertInto('organization_mfa_policies')
    .values({ organization_id: organizationId, ...values })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
    .execute();
}

/** The MFA policy of each of the user's active memberships (nulls where an organisation has none). */
export async function activeMembershipMfaPolicies(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .leftJoin('organization_mfa_policies as p', 'p.organization_id', 'memberships.organization_id')
    .select(['p.require_mfa', 'p.allowed_methods'])
    .where('memberships.user_id', '=', userId)
    .where('memberships.status', '=', 'active')
    .execute();
}

/** What re-authentication checks and counts: the user's address, language and password hash. */
export async function findPasswordOfUser(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'locale', 'password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** The session re-entered the password now. */
export async function stampReauth(db: Db, sessionId: string, now: Date) {
  await db.updateTable('sessions').set({ reauth_at: now }).where('id', '=', sessionId).execute();
}

/** When the session last re-entered the password (null: never; undefined: no such session). */
export async function findReauthAt(db: Db, sessionId: string) {
  const row = await db
    .selectFrom('sessions')
    .select('reauth_at')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row?.reauth_at;
}

/** Replaces the user's recovery codes with the given hashes (the old codes stop working). */
export async function replaceRecoveryCodeHashes(trx: Db, userId: string, hashes: string[], now: Date) {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('recovery_codes')
    .values(hashes.map((hash) => ({ user_id: userId, code_hash: hash, created_at: now })))
    .execute();
}

/** Uses up the user's unused recovery code with this hash, at once; answers whether there was one. */
export async function consumeRecoveryCode(db: Db, userId: string, codeHash: string, now: Date) {
  const row = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The user's TOTP secret (null when no authenticator app is paired). */
export async function findTotpSecret(db: Db, userId: string) {
  const row = await db.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirst();
  return row?.totp_secret ?? null;
}

/**
 * Remembers `step` as the user's last accepted TOTP step when it is later than the stored one,
 * atomically in the row; answers whether it was (an earlier or the same step is refused).
 */
export async function advanceTotpStep(trx: Db, userId: string, step: number) {
  const row = await trx
    .updateTable('users')
    .set({ last_totp_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('last_totp_step', 'is', null), eb('last_totp_step', '<', String(step))]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** A new secret waits for its first code (pairing started). */
export async function setPendingTotp(db: Db, userId: string, secret: string, now: Date) {
  await db
    .updateTable('users')
    .set({ totp_pending_secret: secret, totp_pending_at: now })
    .where('id', '=', userId)
    .execute();
}

/** The user's pending TOTP secret and when pairing started, the row locked. */
export async function lockPendingTotp(trx: Db, userId: string) {
  return trx
    .selectFrom('users')
    .select(['totp_pending_secret', 'totp_pending_at'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** The pending secret becomes the user's authenticator app. */
export async function activateTotp(trx: Db, userId: string, secret: string, now: Date) {
  await trx
    .updateTable('users')
    .set({ totp_secret: secret, totp_enrolled_at: now, totp_pending_secret: null, totp_pending_at: null })
    .where('id', '=', userId)
    .execute();
}

/** Removes the user's authenticator app (paired or pending); a TOTP method choice is cleared. */
export async function clearTotp(trx: Db, userId: string) {
  await trx
    .updateTable('users')
    .set((eb) => ({
      totp_secret: null,
      totp_enrolled_at: null,
      totp_pending_secret: null,
      totp_pending_at: null,
      mfa_method: eb.fn('nullif', ['mfa_method', eb.val('totp')]),
    }))
    .where('id', '=', userId)
    .execute();
}

/**
 * Removes the user's TOTP, the verified-mobile flag, recovery codes and passkeys (certificates
 * stay); answers the user's address and language for the notice.
 */
export async function removeUserFactors(trx: Db, userId: string) {
  const user = await trx
    .updateTable('users')
    .set({
      totp_secret: null,
      totp_enrolled_at: null,
      totp_pending_secret: null,
      totp_pending_at: null,
      mobile_verified_at: null,
    })
    .where('id', '=', userId)
    .returning(['email', 'locale'])
    .executeTakeFirstOrThrow();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx.deleteFrom('passkeys').where('user_id', '=', userId).execute();
  return user;
}

/** Where the user's codes can go: address, mobile (and whether verified), language. */
export async function findCodeRecipient(trx: Db, userId: string) {
  return trx
    .selectFrom('users')
    .select(['email', 'mobile', 'mobile_verified_at', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** The user's address and language, the row locked (one mobile check at a time per user). */
export async function lockUserForMobileCheck(trx: Db, userId: string) {
  return trx
    .selectFrom('users')
    .select(['email', 'locale'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** The user of a login attempt as the session needs them, with what may stop the sign-in. */
export async function findLoginUser(trx: Db, userId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'time_zone', 'status', 'locked_until'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}
