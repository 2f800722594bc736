import type { Logger } from 'pino';
import type { Db } from '../../db/pool.js';
import { widenRowScope } from '../../db/row-scope.js';
import type { Clock } from '../clock.js';
import type { JobAttempt } from '../jobs.js';
import type { SmsTransport } from '../sms/transport.js';
import { redactLinks } from './redact.js';
import type { MailTransport } from './transport.js';

export type DeliverDeps = {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  sms: SmsTransport;
  from: string;
  /** Links to this address carry one-time tokens: redacted once the message has left. */
  publicUrl: string;
  log: Logger;
};

/**
 * Delivers one outbox message. The row follows its job: sent when a transport took it; on a
 * refusal the job is retried with backoff (the row stays pending) and when the job's last
 * attempt fails the row becomes failed, never dropped. A message that left over SMTP or the SMS
 * provider keeps no usable one-time link in the outbox; in the built-in mailbox the outbox row
 * is the delivered copy and stays readable. A background job over every tenant's mail: it
 * widens the row scope, by name.
 */
export function deliverOutboxMessage(
  deps: DeliverDeps,
  outboxId: string,
  attempt: JobAttempt,
): Promise<void> {
  return widenRowScope('outbox delivery', () => deliver(deps, outboxId, attempt));
}

async function deliver(deps: DeliverDeps, outboxId: string, attempt: JobAttempt): Promise<void> {
  const row = await deps.db.selectFrom('outbox').selectAll().where('id', '=', outboxId).executeTakeFirst();
  if (row?.status !== 'pending') return;
  const external = row.channel === 'mail' ? deps.transport.kind !== 'mailbox' : deps.sms.kind !== 'mailbox';
  const body = external ? redactLinks(row.body, deps.publicUrl) : row.body;
  try {
    if (row.channel === 'mail') {
      await deps.transport.send({ from: deps.from, to: row.recipient, subject: row.subject, text: row.body });
    } else if (row.channel === 'sms') {
      await deps.sms.send({ to: row.recipient, body: row.body });
    }
    await deps.db
      .updateTable('outbox')
      .set({ status: 'sent', sent_at: deps.clock.now(), attempts: row.attempts + 1, last_error: null, body })
      .where('id', '=', outboxId)
      .execute();
  } catch (err) {
    const attempts = row.attempts + 1;
    const last = attempt.retryCount >= attempt.retryLimit;
    await deps.db
      .updateTable('outbox')
      .set({
        attempts,
        last_error: String(err).slice(0, 1000),
        ...(last ? { status: 'failed' as const, body } : {}),
      })
      .where('id', '=', outboxId)
      .execute();
    if (last) deps.log.error({ outboxId, attempts, err: String(err) }, 'delivery failed for good');
    else deps.log.warn({ outboxId, attempts, err: String(err) }, 'delivery failed; will retry');
    throw err;
  }
}
