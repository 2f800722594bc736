import { verifyRegistrationResponse } from '@simplewebauthn/server';
import type { RegisterPasskeyBody } from '../../../common/passkeys.js';
import type { AppDeps } from '../../deps.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { markEnrolled } from '../mfa/repository.js';
import { sessionBinding, takeChallenge } from './challenges.js';
import { relyingParty } from './relying-party.js';
import { assertRoomForPasskey, insertPasskey, lockUserForPasskeys } from './repository.js';

const failed = () => new AppError(400, 'passkey_registration_failed');

/**
 * Registers the passkey the browser created for the options of this session: the challenge is
 * used up, the attestation checked (origin = PUBLIC_URL, RP ID = its host name) and the public key
 * stored under the name the user gave. Like any enrolment it ends a pending enrolment and makes
 * 'passkey' the user's method when none was set. Any failure is one answer, 400
 * passkey_registration_failed.
 */
export async function finishPasskeyRegistration(
  deps: AppDeps,
  input: RegisterPasskeyBody & { userId: string; sessionId: string; ip: string | null },
): Promise<{ id: string; name: string; createdAt: Date }> {
  const { db, clock } = deps;
  const challenge = await takeChallenge(db, clock, sessionBinding(input.sessionId), input.userId);
  if (!challenge) throw failed();
  const rp = relyingParty(deps.config);
  const result = await verifyRegistrationResponse({
    // The schema bounds the shape; the library checks every byte.
    response: input.response as Parameters<typeof verifyRegistrationResponse>[0]['response'],
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const }));
  if (!result.verified) throw failed();
  const { credential, credentialDeviceType, credentialBackedUp } = result.registrationInfo;
  return db.transaction().execute(async (trx) => {
    // One at a time per user, so parallel registrations cannot pass the limit together.
    await lockUserForPasskeys(trx, input.userId);
    await assertRoomForPasskey(trx, input.userId);
    const row = await insertPasskey(trx, {
      user_id: input.userId,
      credential_id: credential.id,
      public_key: Buffer.from(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? input.response.response.transports ?? [],
      device_type: credentialDeviceType,
      backed_up: credentialBackedUp,
      name: input.name,
      created_at: clock.now(),
    });
    if (!row) throw failed();
    await markEnrolled(trx, input.userId, 'passkey');
    await recordAudit(trx, clock, {
      actorUserId: input.userId,
      action: 'passkey.register',
      targetType: 'passkey',
      targetId: row.id,
      ip: input.ip,
      details: { name: row.name },
    });
    return { id: row.id, name: row.name, createdAt: row.created_at };
  });
}
