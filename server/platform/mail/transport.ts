import nodemailer from 'nodemailer';

export type OutgoingMail = { from: string; to: string; subject: string; text: string };
export type MailTransport = {
  kind: 'smtp' | 'mailbox';
  send: (mail: OutgoingMail) => Promise<void>;
  close: () => void;
};

/** Each step of an SMTP conversation is bounded; a whole delivery by their sum (`SMTP_DEADLINE_MS`). */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };
export const SMTP_DEADLINE_MS =
  SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout + SMTP_TIMEOUTS.socketTimeout;

/** Rejects once `ms` have passed, so one delivery never outlives the job that runs it. */
export async function withDeadline<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** SMTP when configured; otherwise mail only lands in the built-in mailbox (the outbox table). */
export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) return { kind: 'mailbox', send: async () => {}, close: () => {} };
  const transporter = nodemailer.createTransport(smtpUrl, SMTP_TIMEOUTS);
  return {
    kind: 'smtp',
    send: async (mail) => {
      await withDeadline(SMTP_DEADLINE_MS, 'SMTP delivery', transporter.sendMail(mail));
    },
    close: () => transporter.close(),
  };
}
