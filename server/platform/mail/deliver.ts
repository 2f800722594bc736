import type { Logger } from 'pino';
import type { Db } from '../../db/pool.js';
import type { Clock } from '../clock.js';
import type { SmsTransport } from '../sms/transport.js';
import type { MailTransport } from './transport.js';

type DeliverDeps = {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  sms: SmsTransport;
  from: string;
  retryLimit: number;
  log: Logger;
};

/**
 * Delivers one outbox message. Throws when the peer refuses so the job is retried with
 * backoff; after the last retry the row is marked failed, never dropped.
 */
export async function deliverOutboxMessage(deps: DeliverDeps, outboxId: string): Promise<void> {
  const row = await deps.db.selectFrom('outbox').selectAll().where('id', '=', outboxId).executeTakeFirst();
  if (!row || row.status === 'sent') return;
  try {
    if (row.channel === 'mail') {
      await deps.transport.send({ from: deps.from, to: row.recipient, subject: row.subject, text: row.body });
    } else if (row.channel === 'sms') {
      await deps.sms.send({ to: row.recipient, body: row.body });
    }
    await deps.db
      .updateTable('outbox')
      .set({ status: 'sent', sent_at: deps.clock.now(), attempts: row.attempts + 1, last_error: null })
      .where('id', '=', outboxId)
      .execute();
  } catch (err) {
    const attempts = row.attempts + 1;
    await deps.db
      .updateTable('outbox')
      .set({
        attempts,
        last_error: String(err).slice(0, 1000),
        status: attempts > deps.retryLimit ? 'failed' : 'pending',
      })
      .where('id', '=', outboxId)
      .execute();
    deps.log.warn({ outboxId, attempts, err: String(err) }, 'mail delivery failed; will retry');
    throw err;
  }
}
