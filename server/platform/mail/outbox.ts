import type { Locale } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import type { Clock } from '../clock.js';
import type { Jobs } from '../jobs.js';
import { type MailTemplateName, type MailVars, renderMail } from './templates.js';

export const OUTBOX_QUEUE = 'outbox-deliver';
export type OutboxJob = { outboxId: string };

type QueueMailInput<N extends MailTemplateName> = {
  to: string;
  locale: Locale;
  template: N;
  vars: MailVars<N>;
  tenantId?: string | null;
};

/**
 * Writes a rendered mail to the outbox and its delivery job, both inside the caller's
 * transaction: the mail exists exactly when the change that caused it commits.
 */
export async function queueMail<N extends MailTemplateName>(
  trx: Db,
  deps: { clock: Clock; jobs: Jobs },
  input: QueueMailInput<N>,
): Promise<string> {
  const { subject, body } = renderMail(input.template, input.locale, input.vars);
  const row = await trx
    .insertInto('outbox')
    .values({
      channel: 'mail',
      recipient: input.to,
      locale: input.locale,
      template: input.template,
      subject,
      body,
      tenant_id: input.tenantId ?? null,
      created_at: deps.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.jobs.sendInTransaction<OutboxJob>(trx, OUTBOX_QUEUE, { outboxId: row.id });
  return row.id;
}
