import nodemailer from 'nodemailer';

export type OutgoingMail = { from: string; to: string; subject: string; text: string };
export type MailTransport = {
  kind: 'smtp' | 'mailbox';
  send: (mail: OutgoingMail) => Promise<void>;
  close: () => void;
};

/** SMTP when configured; otherwise mail only lands in the built-in mailbox (the outbox table). */
export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) return { kind: 'mailbox', send: async () => {}, close: () => {} };
  const transporter = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 5000,
    greetingTimeout: 5000,
    socketTimeout: 10000,
  });
  return {
    kind: 'smtp',
    send: async (mail) => {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}
