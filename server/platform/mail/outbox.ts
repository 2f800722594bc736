import { sql } from 'kysely';
import type { Locale } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import { rowOwnerOfScope } from '../../db/row-scope.js';
import type { Clock } from '../clock.js';
import type { Jobs } from '../jobs.js';
import { type MailTemplate, renderMail } from './templates.js';

export const OUTBOX_QUEUE = 'outbox-deliver';
export type OutboxJob = { outboxId: string };

type QueueMailInput<V> = {
  to: string;
  locale: Locale;
  /** The mail, from the module that sends it (`modules/<area>/mails.ts`). */
  template: MailTemplate<V>;
  vars: NoInfer<V>;
  tenantId?: string | null;
};

/** One message already rendered, as the outbox stores it. */
export type OutboxMessage = {
  channel: 'mail' | 'sms';
  to: string;
  locale: Locale;
  /** Which template produced it (shown in the mailbox and kept for support). */
  template: string;
  /** Empty for an SMS. */
  subject: string;
  body: string;
  tenantId?: string | null;
};

/**
 * Writes a rendered message to the outbox and its delivery job, both inside the caller's
 * transaction: the message exists exactly when the change that caused it commits. The one
 * low-level writer behind `queueMail`, `queueSms` and the tenants' templates (`queueTenantMail`).
 */
export async function insertOutbox(
  trx: Db,
  deps: { clock: Clock; jobs: Jobs },
  message: OutboxMessage,
): Promise<string> {
  // The id first, then the row without RETURNING: a user's own mail written before they chose
  // an organisation is a platform row they may write but not read back (row-level security).
  const { rows } = await sql<{
    id: string;
  }>`SELECT nextval(pg_get_serial_sequence('outbox', 'id')) AS id`.execute(trx);
  const row = rows[0]!;
  await trx
    .insertInto('outbox')
    .values({
      id: row.id,
      channel: message.channel,
      recipient: message.to,
      locale: message.locale,
      template: message.template,
      subject: message.subject,
      body: message.body,
      // Without a tenant of its own, the message is the request's tenant's.
      tenant_id: message.tenantId ?? rowOwnerOfScope().tenantId,
      created_at: deps.clock.now(),
    } as never)
    .execute();
  await deps.jobs.sendInTransaction<OutboxJob>(trx, OUTBOX_QUEUE, { outboxId: row.id });
  return row.id;
}

/** Renders one of the portal's own mails and writes it to the outbox (see `insertOutbox`). */
export async function queueMail<V>(
  trx: Db,
  deps: { clock: Clock; jobs: Jobs },
  input: QueueMailInput<V>,
): Promise<string> {
  const { subject, body } = renderMail(input.template, input.locale, input.vars);
  return insertOutbox(trx, deps, {
    channel: 'mail',
    to: input.to,
    locale: input.locale,
    template: input.template.name,
    subject,
    body,
    tenantId: input.tenantId,
  });
}
