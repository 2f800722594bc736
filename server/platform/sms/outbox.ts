import type { Locale } from '../../../common/roles.js';
import type { Db } from '../../db/pool.js';
import type { Clock } from '../clock.js';
import type { Jobs } from '../jobs.js';
import { insertOutbox } from '../mail/outbox.js';
import { type SmsCodeVars, type SmsTemplateName, smsTemplates } from './templates.js';

/**
 * Writes a text message to the outbox (channel 'sms') and its delivery job inside the caller's
 * transaction; the outbox worker hands it to the SMS provider adapter.
 */
export async function queueSms(
  trx: Db,
  deps: { clock: Clock; jobs: Jobs },
  input: { to: string; locale: Locale; template: SmsTemplateName; vars: SmsCodeVars },
): Promise<string> {
  return insertOutbox(trx, deps, {
    channel: 'sms',
    to: input.to,
    locale: input.locale,
    template: input.template,
    subject: '',
    body: smsTemplates[input.template][input.locale](input.vars),
  });
}
