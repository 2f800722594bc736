import { z } from 'zod';

const bool = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => ['on', 'true', '1'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Madoguchi <no-reply@madoguchi.example>'),
  MAILBOX: bool.optional(),
  MAILBOX_ALLOW_PUBLIC: bool.default(false),
  DEMO_PASSWORD: z.string().min(12, 'must have at least 12 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  OUTBOX_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  OUTBOX_RETRY_LIMIT: z.coerce.number().int().min(0).max(1000).default(50),
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  TRUST_PROXY: z
    .string()
    .regex(/^[0-9a-fA-F.:/,\s]+$/, 'must be a comma-separated list of proxy addresses or CIDR ranges')
    .optional(),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  SMS_PROVIDER_URL: z.url().optional(),
  SMS_PROVIDER_TOKEN: z.string().min(1).optional(),
  CA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64')
    .optional(),
  HTTPS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  TLS_HOSTNAMES: z.string().min(1).default('localhost,127.0.0.1'),
  CERT_HEADER_TRUSTED_PROXIES: z
    .string()
    .regex(/^[0-9a-fA-F.:/,\s]+$/, 'must be a comma-separated list of proxy addresses or CIDR ranges')
    .optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  /** Unset: demo mode with embedded PostgreSQL in `dataDir/pg`. */
  databaseUrl: string | undefined;
  /**
   * The schema owner's connection (migrations, the job queue, grants to the runtime role); unset:
   * DATABASE_URL. The runtime connection (DATABASE_URL) must not bypass row-level security.
   */
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  demo: boolean;
  demoPassword: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  mailboxEnabled: boolean;
  /** The mailbox may be served on an address that is not loopback (it has no sign-in). */
  mailboxAllowPublic: boolean;
  secureCookies: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  loginRateLimitPerMinute: number;
  /** Retries of one delivery; sent and failed messages are deleted `retentionDays` after. */
  outbox: { retryDelaySeconds: number; retryLimit: number; retentionDays: number };
  /** After SIGTERM: /readyz answers 503 this long while requests are still served. */
  shutdownGraceSeconds: number;
  /** Addresses of reverse proxies whose X-Forwarded-* headers are believed. */
  trustProxy: string[] | false;
  /** SMS provider (HTTP POST { to, body }, Bearer token); unset: SMS stays in the built-in mailbox. */
  smsProvider: { url: string | undefined; token: string | undefined };
  /** Client certificates (ID-15); see modules/certificates. */
  certificates: {
    /** Encrypts the CA key; unset in demo mode → generated once into `dataDir/ca-key`. */
    encryptionKey: Buffer | undefined;
    /** Set: an HTTPS listener asking for client certificates (mutual TLS). */
    httpsPort: number | undefined;
    tlsHostnames: string[];
    /** Proxies whose X-Client-Cert / X-Client-Verify headers are believed (addresses or CIDR). */
    trustedProxies: string[];
  };
};

export class ConfigError extends Error {}

/** Reads the environment into one typed config; a bad value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (
    e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`
  ).replace(/\/$/, '');
  const demo = !e.DATABASE_URL;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    demo,
    demoPassword: e.DEMO_PASSWORD,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailboxEnabled: e.MAILBOX ?? demo,
    mailboxAllowPublic: e.MAILBOX_ALLOW_PUBLIC,
    secureCookies: publicUrl.startsWith('https://'),
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    outbox: {
      retryDelaySeconds: e.OUTBOX_RETRY_DELAY_SECONDS,
      retryLimit: e.OUTBOX_RETRY_LIMIT,
      retentionDays: e.OUTBOX_RETENTION_DAYS,
    },
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    smsProvider: { url: e.SMS_PROVIDER_URL, token: e.SMS_PROVIDER_TOKEN },
    trustProxy: e.TRUST_PROXY
      ? e.TRUST_PROXY.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : false,
    certificates: {
      encryptionKey: e.CA_ENCRYPTION_KEY ? Buffer.from(e.CA_ENCRYPTION_KEY, 'base64') : undefined,
      httpsPort: e.HTTPS_PORT,
      tlsHostnames: list(e.TLS_HOSTNAMES),
      trustedProxies: list(e.CERT_HEADER_TRUSTED_PROXIES ?? ''),
    },
  };
}

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * What a start must refuse although every value is well-formed: mail that would reach nobody
 * (an installation with neither SMTP nor the mailbox), and the mailbox (no sign-in, working
 * links) on an address other people can reach. Checked by the server's start, not by the tools.
 */
export function checkStartConfig(config: Config): void {
  const problems: string[] = [];
  if (!config.demo && !config.smtpUrl && !config.mailboxEnabled)
    problems.push(
      '  SMTP_URL: unset and MAILBOX is off, so no mail (invitations, password resets) would reach anyone; set SMTP_URL, or MAILBOX=on to read them at /mailbox',
    );
  if (
    config.mailboxEnabled &&
    !config.mailboxAllowPublic &&
    !LOOPBACK_HOSTS.test(new URL(config.publicUrl).hostname)
  )
    problems.push(
      `  MAILBOX: the mailbox (/mailbox, every mail with its links, no sign-in) would be public at PUBLIC_URL ${config.publicUrl}; set MAILBOX=off, a loopback PUBLIC_URL, or MAILBOX_ALLOW_PUBLIC=on to accept that`,
    );
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
