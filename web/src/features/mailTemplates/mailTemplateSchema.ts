import { z } from 'zod';
import { typeError } from '../../../../common/schemas.js';

/** TEMPORARY until common/mail-templates.ts lands. */
export function mailTemplateFormSchema(_key: string, sms: boolean) {
  return z.strictObject({
    subject: sms
      ? z.string().optional()
      : z.string({ error: typeError }).trim().min(1, { error: 'validation.required' }),
    body: z.string({ error: typeError }).trim().min(1, { error: 'validation.required' }),
  });
}
