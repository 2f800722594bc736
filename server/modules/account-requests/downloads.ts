import type { DownloadView } from '../../../common/certificates.js';
import type { Db } from '../../db/pool.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newToken } from '../../platform/tokens.js';
import { certificateAuthority } from '../certificates/authority.js';
import { open, seal } from '../certificates/secret-box.js';
import { findUsableDownload, insertDownload, markDownloadUsed } from './repository.js';

export const DOWNLOAD_DAYS = 7;

/** Stores a one-time download (payload sealed with the CA encryption key); answers the raw token. */
export async function createDownload(
  trx: Db,
  deps: AppDeps,
  input: {
    userId: string;
    accountRequestId: string;
    kind: 'certificate' | 'temporary_password';
    fileName: string | null;
    payload: Buffer;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const { encryptionKey } = await certificateAuthority(deps);
  const { token, hash } = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + DOWNLOAD_DAYS * 86_400_000);
  await insertDownload(trx, {
    token_hash: hash,
    user_id: input.userId,
    account_request_id: input.accountRequestId,
    kind: input.kind,
    file_name: input.fileName,
    encrypted_payload: seal(encryptionKey, input.payload),
    expires_at: expiresAt,
    created_at: now,
  });
  return { token, expiresAt };
}

/** GET /api/downloads/:token: what the link holds; used, expired or unknown links are a 404. */
export async function showDownload(deps: AppDeps, token: string): Promise<DownloadView> {
  const row = await findUsableDownload(deps.db, token, deps.clock.now());
  if (!row) throw notFound();
  return { kind: row.kind, fileName: row.file_name, expiresAt: row.expires_at.toISOString() };
}

/**
 * POST /api/downloads/:token/download: hands the content over exactly once (row lock; a second
 * or parallel use is a 404) and marks the link used.
 */
export async function consumeDownload(deps: AppDeps, token: string) {
  const { encryptionKey } = await certificateAuthority(deps);
  return deps.db.transaction().execute(async (trx) => {
    const row = await findUsableDownload(trx, token, deps.clock.now(), true);
    if (!row) throw notFound();
    await markDownloadUsed(trx, row.id, deps.clock.now());
    let payload: Buffer;
    try {
      payload = open(encryptionKey, row.encrypted_payload);
    } catch {
      throw new AppError(410, 'download_unreadable');
    }
    return { kind: row.kind, fileName: row.file_name, payload };
  });
}
