import { randomInt } from 'node:crypto';
import type { Db } from '../../db/pool.js';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `SUP-` and 8 characters of Crockford base32 (no I, L, O, U): about 40 bits. */
export function newSupportId(): string {
  return `SUP-${Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
}

/**
 * The support ID of a customer organisation (`004 §3-2`: サポート ID), given at first need and
 * kept from then on.
 */
export async function supportIdOf(db: Db, organizationId: string): Promise<string> {
  for (;;) {
    const row = await db
      .selectFrom('organizations')
      .select('support_id')
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    if (row.support_id) return row.support_id;
    // A collision with another organisation's ID fails the unique index: try another.
    await db
      .updateTable('organizations')
      .set({ support_id: newSupportId() })
      .where('id', '=', organizationId)
      .where('support_id', 'is', null)
      .execute()
      .catch((err: { code?: string }) => {
        if (err.code !== '23505') throw err;
      });
  }
}
