import { randomInt } from 'node:crypto';
import type { Db } from '../../db/pool.js';
import type { OrganizationScope } from '../../db/tenant-match.js';
import { assignSupportId, findSupportId } from './repository.js';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `SUP-` and 8 characters of Crockford base32 (no I, L, O, U): about 40 bits. */
export function newSupportId(): string {
  return `SUP-${Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
}

/**
 * The support ID of a customer organisation (`004 §3-2`: サポート ID), given at first need and
 * kept from then on.
 */
export async function supportIdOf(db: Db, scope: OrganizationScope): Promise<string> {
  for (;;) {
    const supportId = await findSupportId(db, scope);
    if (supportId) return supportId;
    // A collision with another organisation's ID changes nothing: try another.
    await assignSupportId(db, scope, newSupportId());
  }
}
