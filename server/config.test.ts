import { describe, expect, it } from 'vitest';
import { ConfigError, checkStartConfig, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('with nothing set is a local demo with safe defaults', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://127.0.0.1:3000',
      databaseUrl: undefined,
      dataDir: '.data',
      logLevel: 'info',
      demo: true,
      demoPassword: undefined,
      smtpUrl: undefined,
      mailFrom: 'Madoguchi <no-reply@madoguchi.example>',
      mailboxEnabled: true,
      mailboxAllowPublic: false,
      secureCookies: false,
      session: { idleMinutes: 30, absoluteHours: 12 },
      loginRateLimitPerMinute: 20,
      outbox: { retryDelaySeconds: 5, retryLimit: 50, retentionDays: 30 },
      shutdownGraceSeconds: 5,
      smsProvider: { url: undefined, token: undefined },
      trustProxy: false,
      certificates: {
        encryptionKey: undefined,
        httpsPort: undefined,
        tlsHostnames: ['localhost', '127.0.0.1'],
        trustedProxies: [],
      },
    });
  });

  it('reads the client-certificate settings and refuses a CA key that is not 32 bytes', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      loadConfig({
        CA_ENCRYPTION_KEY: key,
        HTTPS_PORT: '3443',
        TLS_HOSTNAMES: 'portal.example.jp, 10.0.0.5',
        CERT_HEADER_TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16',
      }).certificates,
    ).toEqual({
      encryptionKey: Buffer.alloc(32, 7),
      httpsPort: 3443,
      tlsHostnames: ['portal.example.jp', '10.0.0.5'],
      trustedProxies: ['10.0.0.1', '192.168.0.0/16'],
    });
    expect(() => loadConfig({ CA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(ConfigError);
    expect(() => loadConfig({ CERT_HEADER_TRUSTED_PROXIES: 'proxy.example.jp' })).toThrow(ConfigError);
  });

  it('empty variables count as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', DEMO_PASSWORD: '' })).toEqual(loadConfig({}));
  });

  it('with a database it is not a demo: no mailbox unless asked for', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db/madoguchi' });
    expect(config).toMatchObject({
      demo: false,
      databaseUrl: 'postgres://app@db/madoguchi',
      mailboxEnabled: false,
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/m', MAILBOX: 'on' }).mailboxEnabled).toBe(true);
    expect(loadConfig({ MAILBOX: 'off' }).mailboxEnabled).toBe(false);
  });

  it('an https public URL turns on secure cookies; a trailing slash is dropped', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://portal.example.jp/' });
    expect(config.publicUrl).toBe('https://portal.example.jp');
    expect(config.secureCookies).toBe(true);
  });

  it('listening on every interface still gives a public URL a browser can open', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://127.0.0.1:8080');
  });

  it('reads the trusted proxies as a list', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
    ]);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['DATABASE_URL', 'mysql://db/madoguchi'],
    ['DATABASE_URL', 'db.example.jp'],
    ['DEMO_PASSWORD', 'short-pass'],
    ['PUBLIC_URL', 'portal.example.jp'],
    ['SMTP_URL', 'http://mail.example.jp'],
    ['MAILBOX', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['TRUST_PROXY', 'everyone'],
    ['SMS_PROVIDER_URL', 'sms-gateway'],
  ])('a bad %s (%s) stops the start with a message naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^Invalid configuration:\\n  ${name}: .+$`));
    // Only the bad variable is named, and the value itself is not echoed (it may be a secret).
    expect(message.split('\n')).toHaveLength(2);
    expect(message).not.toContain(value);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', DEMO_PASSWORD: 'short' })).toThrow(
      /Invalid configuration:\n {2}PORT: .+\n {2}DEMO_PASSWORD: must have at least 12 characters/,
    );
  });

  it('reads the SMS provider URL and token', () => {
    expect(
      loadConfig({ SMS_PROVIDER_URL: 'https://sms.example.jp/send', SMS_PROVIDER_TOKEN: 't0ken' })
        .smsProvider,
    ).toEqual({ url: 'https://sms.example.jp/send', token: 't0ken' });
  });

  it('a demo password of 12 characters is enough', () => {
    expect(loadConfig({ DEMO_PASSWORD: 'twelve-chars' }).demoPassword).toBe('twelve-chars');
  });
});

describe('checkStartConfig', () => {
  const refusal = (env: Record<string, string>) => {
    try {
      checkStartConfig(loadConfig(env));
      return undefined;
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
  };

  it('refuses an installation whose mail would reach nobody, naming SMTP_URL and MAILBOX', () => {
    const message = refusal({ DATABASE_URL: 'postgresql://db/m' });
    expect(message).toContain('SMTP_URL: unset and MAILBOX is off');
    expect(message).toContain('MAILBOX=on');
    expect(
      refusal({ DATABASE_URL: 'postgresql://db/m', SMTP_URL: 'smtp://mail.example.jp:587' }),
    ).toBeUndefined();
    expect(refusal({ DATABASE_URL: 'postgresql://db/m', MAILBOX: 'on' })).toBeUndefined();
    expect(refusal({})).toBeUndefined(); // demo mode: the mailbox is the transport
  });

  it('refuses the mailbox on an address that is not loopback unless MAILBOX_ALLOW_PUBLIC=on', () => {
    const message = refusal({ PUBLIC_URL: 'https://portal.example.jp' });
    expect(message).toContain('PUBLIC_URL https://portal.example.jp');
    expect(message).toContain('MAILBOX_ALLOW_PUBLIC=on');
    expect(refusal({ PUBLIC_URL: 'https://portal.example.jp', MAILBOX_ALLOW_PUBLIC: 'on' })).toBeUndefined();
    expect(
      refusal({ PUBLIC_URL: 'https://portal.example.jp', MAILBOX: 'off', SMTP_URL: 'smtp://m' }),
    ).toBeUndefined();
    for (const url of [
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://127.1.2.3',
      'http://[::1]:3000',
    ])
      expect(refusal({ PUBLIC_URL: url })).toBeUndefined();
    expect(refusal({ HOST: '0.0.0.0' })).toBeUndefined(); // PUBLIC_URL defaults to 127.0.0.1
  });
});
