import { standardPolicy } from '../../../common/password-policy.js';
import type { PasswordPolicyBody } from '../../../common/passwords.js';
import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import {
  defaultLockout,
  findPolicyRow,
  lockOrganizationForPolicy,
  organizationExists,
  toPolicy,
  upsertPolicy,
} from './policy-repository.js';

/** One organisation's password and lockout policy as the operator edits it (the manual's default when none is stored). */
export async function readOrganizationPolicy(db: Db, organizationId: string): Promise<PasswordPolicyBody> {
  if (!(await organizationExists(db, organizationId))) throw notFound();
  const row = await findPolicyRow(db, organizationId);
  if (!row) {
    return {
      ...standardPolicy,
      lockoutThreshold: defaultLockout.threshold,
      lockoutMinutes: defaultLockout.minutes,
    };
  }
  return { ...toPolicy(row), lockoutThreshold: row.lockout_threshold, lockoutMinutes: row.lockout_minutes };
}

type UpdateInput = {
  organizationId: string;
  policy: PasswordPolicyBody;
  actorUserId: string;
  ip: string | null;
};

/** Stores an organisation's policy (ID-3); the audit event keeps the values before and after. */
export async function updateOrganizationPolicy(
  deps: AppDeps,
  input: UpdateInput,
): Promise<PasswordPolicyBody> {
  const { db, clock } = deps;
  return db.transaction().execute(async (trx) => {
    const org = await lockOrganizationForPolicy(trx, input.organizationId);
    if (!org) throw notFound();
    const before = await readOrganizationPolicy(trx, org.id);
    const p = input.policy;
    const values = {
      profile: p.profile,
      min_length: p.minLength,
      require_lower: p.requireLower,
      require_upper: p.requireUpper,
      require_digit: p.requireDigit,
      require_symbol: p.requireSymbol,
      history_count: p.historyCount,
      lockout_threshold: p.lockoutThreshold,
      lockout_minutes: p.lockoutMinutes,
      updated_at: clock.now(),
      updated_by: input.actorUserId,
    };
    await upsertPolicy(trx, org.id, values);
    await recordAudit(trx, clock, {
      actorUserId: input.actorUserId,
      organizationId: org.id,
      tenantId: org.tenant_id,
      action: 'password_policy.update',
      targetType: 'organization',
      targetId: org.id,
      ip: input.ip,
      details: { before, after: p },
    });
    return p;
  });
}
