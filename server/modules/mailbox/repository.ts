import type { Db } from '../../db/pool.js';

/** The newest 200 messages of the outbox, or those to one recipient. */
export function listMailbox(db: Db, recipient: string | undefined) {
  let query = db
    .selectFrom('outbox')
    .select(['id', 'channel', 'recipient', 'subject', 'body', 'status', 'created_at', 'sent_at'])
    .orderBy('id', 'desc')
    .limit(200);
  if (recipient) query = query.where('recipient', '=', recipient);
  return query.execute();
}
