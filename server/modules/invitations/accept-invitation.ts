import { translate } from '../../../common/messages.js';
import type { Locale } from '../../../common/roles.js';
import type { AcceptInvitationBody } from '../../../common/schemas.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { findInvitationByToken, invitationStatus } from './repository.js';

/** Why a link cannot be used, as the error its page shows. */
export function assertUsable<T extends { accepted_at: Date | null; expires_at: Date }>(
  row: T | undefined,
  now: Date,
): T {
  if (!row) throw new AppError(404, 'invitation_not_found');
  const status = invitationStatus(row, now);
  if (status === 'accepted') throw new AppError(409, 'invitation_used');
  if (status === 'expired') throw new AppError(410, 'invitation_expired');
  return row;
}

/**
 * Completes a registration from an invitation link (`001 §2.2`): creates the user (or, for an
 * address that already has an account, checks its password) and the membership, and consumes
 * the link — all in one transaction, with the invitation row locked against a double submit.
 */
export async function acceptInvitation(
  deps: AppDeps,
  input: AcceptInvitationBody & { token: string; ip: string | null; locale: Locale },
): Promise<void> {
  const { db, clock } = deps;
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const now = clock.now();
    const invitation = await findInvitationByToken(trx, input.token, true);
    const usable = assertUsable(invitation, now);
    let user = await trx
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', usable.email.toLowerCase()))
      .executeTakeFirst();
    if (user?.password_hash) {
      if (!(await verifyPassword(user.password_hash, input.password))) {
        throw new AppError(400, 'validation', {
          password: [translate(input.locale, 'validation.existingPasswordWrong')],
        });
      }
    } else if (user) {
      await trx
        .updateTable('users')
        .set({ name: input.name, password_hash: passwordHash })
        .where('id', '=', user.id)
        .execute();
    } else {
      user = await trx
        .insertInto('users')
        .values({
          email: usable.email,
          name: input.name,
          password_hash: passwordHash,
          locale: input.locale,
          created_at: now,
        })
        .returning(['id', 'password_hash'])
        .executeTakeFirstOrThrow();
    }
    await trx
      .insertInto('memberships')
      .values({
        user_id: user.id,
        organization_id: usable.organization_id,
        tenant_id: usable.tenant_id,
        role: usable.role,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['user_id', 'organization_id']).doNothing())
      .execute();
    await trx
      .updateTable('invitations')
      .set({ accepted_at: now, accepted_user_id: user.id })
      .where('id', '=', usable.id)
      .execute();
    await recordAudit(trx, clock, {
      actorUserId: user.id,
      organizationId: usable.organization_id,
      tenantId: usable.tenant_id,
      action: 'invitation.accept',
      targetType: 'invitation',
      targetId: usable.id,
      ip: input.ip,
    });
  });
}
