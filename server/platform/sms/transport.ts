/** One text message to a mobile number. */
export type OutgoingSms = { to: string; body: string };
export type SmsTransport = { kind: 'http' | 'mailbox'; send: (sms: OutgoingSms) => Promise<void> };

/** One POST to the provider is cut off after this long. */
export const SMS_DEADLINE_MS = 10_000;

export type SmsProviderConfig = { url: string | undefined; token: string | undefined };

/**
 * The SMS provider adapter: with `SMS_PROVIDER_URL` an HTTP POST of `{ to, body }` as JSON with
 * `Authorization: Bearer <SMS_PROVIDER_TOKEN>` (any non-2xx answer throws, so the job retries);
 * without it messages only land in the built-in mailbox (the outbox table).
 */
export function createSmsTransport(provider: SmsProviderConfig): SmsTransport {
  const { url, token } = provider;
  if (!url) return { kind: 'mailbox', send: async () => {} };
  return {
    kind: 'http',
    send: async (sms) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to: sms.to, body: sms.body }),
        signal: AbortSignal.timeout(SMS_DEADLINE_MS),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
    },
  };
}
